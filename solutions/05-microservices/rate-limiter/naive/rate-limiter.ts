/**
 * The naive limiter: right answers, at a cost that grows with traffic. Each client keeps a log of
 * its accepted request times and, on every request, filters the log and replays it through a fresh
 * state to decide: the "sliding log" shape most first attempts take. The decisions are the
 * reference's by construction; the work per request is O(requests in the window), so a busy
 * client with a generous limit (the bench's 8 keys at 10 million an hour) pays for its whole
 * recent history on every request.
 */
import type { Limit, RateLimitConfig } from "../src/config";
import { RateLimiter as ReferenceRateLimiter, newClientState, type ClientState, type Decision } from "../src/rate-limiter";

export { SEED_E_CONFIG, createRateLimitServer, identify, parseConfig, parseLimit } from "../src/rate-limiter";
export type { Algorithm, ClientIdentity, Decision, Limit, RateLimitConfig, RequestLimiter } from "../src/rate-limiter";

class TimestampLog implements ClientState {
  private accepted: number[] = [];

  constructor(
    private readonly config: RateLimitConfig,
    private readonly authenticated: boolean,
    private readonly firstSeen: number,
  ) {}

  decide(now: number): Decision {
    if (this.config.algorithm === "sliding-window") {
      // Only the current and previous windows matter; older entries are filtered out.
      const { windowMs } = this.limit();
      const horizon = (Math.floor(now / windowMs) - 1) * windowMs;
      this.accepted = this.accepted.filter((t) => t >= horizon);
    }
    const decision = this.replay().decide(now);
    if (decision.allowed) this.accepted.push(now);
    return decision;
  }

  idle(now: number): boolean {
    return this.replay().idle(now);
  }

  private limit(): Limit {
    return this.authenticated ? this.config.authenticated : this.config.anonymous;
  }

  private replay(): ClientState {
    const state = newClientState(this.config, this.authenticated, this.firstSeen);
    for (const t of this.accepted) state.decide(t);
    return state;
  }
}

export class RateLimiter extends ReferenceRateLimiter {
  protected override newState(authenticated: boolean, now: number): ClientState {
    return new TimestampLog(this.config, authenticated, now);
  }
}
