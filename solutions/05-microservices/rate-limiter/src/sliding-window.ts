import { wholeSecondsUp, type ClientState } from "./client-state";
import type { Decision, Limit } from "./types";
import { NO_COUNTS, estimateTimesW, msUntilAllowed, rollForward, windowAt, type WindowCounts } from "./window-math";

/**
 * A client under the sliding-window counter: two counts instead of a log of timestamps. The
 * arithmetic is ./window-math's; this class keeps the counts and turns them into decisions.
 */
export class SlidingWindowState implements ClientState {
  private counts: WindowCounts = NO_COUNTS;

  constructor(private readonly limit: Limit) {}

  decide(now: number): Decision {
    const { requests, windowMs: w } = this.limit;
    const { index, elapsed } = windowAt(now, w);
    this.counts = rollForward(this.counts, index);
    const estimate = estimateTimesW(this.counts, elapsed, w);
    const allowed = estimate + w <= requests * w;
    const after = allowed ? estimate + w : estimate;
    const decision: Decision = {
      allowed,
      limit: requests,
      remaining: Math.max(0, Math.floor((requests * w - after) / w)),
      resetSeconds: Math.ceil((w - elapsed) / 1000),
    };
    if (!allowed) decision.retryAfterSeconds = wholeSecondsUp(msUntilAllowed(this.counts, elapsed, this.limit));
    return decision;
  }

  record(now: number): void {
    const counts = rollForward(this.counts, windowAt(now, this.limit.windowMs).index);
    this.counts = { ...counts, current: counts.current + 1 };
  }

  idle(now: number): boolean {
    // Two windows on, both counts would roll to 0: exactly a new client's state.
    return windowAt(now, this.limit.windowMs).index >= this.counts.window + 2;
  }
}
