/**
 * The naive limiter: right answers, at a cost that grows with traffic. It keeps each client's log
 * of accepted request times and, on every request, filters the log and replays it through a fresh
 * state to decide (the "sliding log" shape most first attempts take). The decisions are the
 * reference's, by construction; the work per request is O(requests in the window), so a busy
 * client with a generous limit (the bench's 8 keys at 10 million an hour) pays for its whole
 * recent history on every request.
 */
import type { RateLimitConfig } from "./config";
import { clientKey, newClientState, type ClientIdentity, type Decision, type RequestLimiter } from "./rate-limiter";

export { SEED_E_CONFIG, createRateLimitServer, identify, parseConfig, parseLimit } from "./rate-limiter";
export type { Algorithm, ClientIdentity, Decision, Limit, RateLimitConfig, RequestLimiter } from "./rate-limiter";

interface ClientLog {
  authenticated: boolean;
  firstSeen: number;
  accepted: number[];
}

export class RateLimiter implements RequestLimiter {
  private readonly logs = new Map<string, ClientLog>();
  private readonly sweepEveryMs: number;
  private lastSweep: number;

  constructor(
    readonly config: RateLimitConfig,
    private readonly clock: () => number = Date.now,
  ) {
    this.sweepEveryMs = Math.min(config.authenticated.windowMs, config.anonymous.windowMs);
    this.lastSweep = clock();
  }

  check(client: ClientIdentity): Decision {
    const now = this.clock();
    if (now - this.lastSweep >= this.sweepEveryMs) this.sweep(now);
    const { key, authenticated } = clientKey(client);
    const log = this.logs.get(key) ?? { authenticated, firstSeen: now, accepted: [] };
    this.logs.set(key, log);
    const limit = authenticated ? this.config.authenticated : this.config.anonymous;
    if (this.config.algorithm === "sliding-window") {
      // Only the current and previous windows matter; older entries are filtered out.
      const horizon = (Math.floor(now / limit.windowMs) - 1) * limit.windowMs;
      log.accepted = log.accepted.filter((t) => t >= horizon);
    }
    const state = this.replay(log);
    const decision = state.decide(now);
    if (decision.allowed) log.accepted.push(now);
    return decision;
  }

  get trackedClients(): number {
    return this.logs.size;
  }

  private replay(log: ClientLog): ReturnType<typeof newClientState> {
    const state = newClientState(this.config, log.authenticated, log.firstSeen);
    for (const t of log.accepted) state.decide(t);
    return state;
  }

  private sweep(now: number): void {
    for (const [key, log] of this.logs) if (this.replay(log).idle(now)) this.logs.delete(key);
    this.lastSweep = now;
  }
}
