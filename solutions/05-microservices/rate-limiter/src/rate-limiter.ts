import { clientKey } from "./client-key";
import type { ClientState } from "./client-state";
import { newClientState } from "./new-client-state";
import type { ClientIdentity, Decision, RateLimitConfig, RequestLimiter } from "./types";

export { DEFAULT_CONFIG, parseConfig, parseLimit } from "./config";
export { createRateLimitServer, identify } from "./http-server";
export type { Algorithm, ClientIdentity, Decision, Limit, RateLimitConfig, RequestLimiter } from "./types";

/**
 * Per-client rate limiting with the configured algorithm. Each client (./client-key) has a state
 * (./sliding-window or ./token-bucket) with the limit of its kind. A request is decided first and
 * counted only if allowed. Idle clients are forgotten: at most once per the shorter window, a
 * sweep drops every client whose state a new client would have, so memory follows active
 * clients, not all clients ever seen. O(1) per request; the sweep is O(clients), once a window.
 */
export class RateLimiter implements RequestLimiter {
  private readonly clients = new Map<string, ClientState>();
  private readonly clock: () => number;
  private readonly sweepEveryMs: number;
  private lastSweep: number;

  constructor(
    readonly config: RateLimitConfig,
    clock: () => number = Date.now,
  ) {
    this.clock = clock;
    this.sweepEveryMs = Math.min(config.authenticated.windowMs, config.anonymous.windowMs);
    this.lastSweep = clock();
  }

  check(client: ClientIdentity): Decision {
    const now = this.clock();
    if (now - this.lastSweep >= this.sweepEveryMs) this.sweep(now);
    const { key, authenticated } = clientKey(client);
    let state = this.clients.get(key);
    if (state === undefined) {
      state = newClientState(this.config, authenticated, now);
      this.clients.set(key, state);
    }
    const decision = state.decide(now);
    if (decision.allowed) state.record(now);
    return decision;
  }

  /** How many clients the limiter holds state for. */
  get trackedClients(): number {
    return this.clients.size;
  }

  private sweep(now: number): void {
    for (const [key, state] of this.clients) if (state.idle(now)) this.clients.delete(key);
    this.lastSweep = now;
  }
}
