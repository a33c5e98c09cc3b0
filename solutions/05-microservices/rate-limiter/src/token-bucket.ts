import { capacity, msUntil, refilled } from "./bucket-math";
import { wholeSecondsUp, type ClientState } from "./client-state";
import type { Decision, Limit } from "./types";

/**
 * A client under the token bucket: a new client starts full; tokens refill continuously at
 * limit / W; a request takes one. Bursts up to the limit, then a steady rate. The arithmetic is
 * ./bucket-math's, in integers; this class keeps the balance and the time of the last refill.
 */
export class TokenBucketState implements ClientState {
  private tokensTimesW: number;
  private last: number;

  constructor(
    private readonly limit: Limit,
    now: number,
  ) {
    this.tokensTimesW = capacity(limit);
    this.last = now;
  }

  decide(now: number): Decision {
    const { requests, windowMs: w } = this.limit;
    this.refill(now);
    const allowed = this.tokensTimesW >= w;
    const after = allowed ? this.tokensTimesW - w : this.tokensTimesW;
    const decision: Decision = {
      allowed,
      limit: requests,
      remaining: Math.floor(after / w),
      resetSeconds: Math.ceil(msUntil(capacity(this.limit), after, this.limit) / 1000),
    };
    if (!allowed) decision.retryAfterSeconds = wholeSecondsUp(msUntil(w, this.tokensTimesW, this.limit));
    return decision;
  }

  record(now: number): void {
    this.refill(now);
    this.tokensTimesW -= this.limit.windowMs;
  }

  idle(now: number): boolean {
    this.refill(now);
    return this.tokensTimesW === capacity(this.limit);
  }

  private refill(now: number): void {
    this.tokensTimesW = refilled(this.tokensTimesW, now - this.last, this.limit);
    this.last = now;
  }
}
