import type { Permit } from "./circuit-breaker";
import { CircuitBreakerError } from "./errors";

export type Outcome = "success" | "failure" | "ignore";

/** Where a permit reports: the breaker. */
export interface OutcomeSink {
  /** The breaker's current state period, counted up at every state change. */
  readonly epoch: number;
  /** Counts an outcome in the current state period. */
  settle(outcome: Outcome): void;
}

/**
 * A permit remembers the state period it was granted in and reports exactly once. A report from
 * an older period is dropped: the breaker has moved on, and what the call found is news from a
 * state that no longer exists.
 */
export class BreakerPermit implements Permit {
  private settled = false;

  constructor(
    private readonly sink: OutcomeSink,
    private readonly epoch: number,
  ) {}

  success(): void {
    this.report("success");
  }

  failure(): void {
    this.report("failure");
  }

  ignore(): void {
    this.report("ignore");
  }

  private report(outcome: Outcome): void {
    if (this.settled) {
      throw new CircuitBreakerError(
        "PERMIT_ALREADY_SETTLED",
        `${outcome}() on a permit that already reported its outcome: each permit reports once ` +
          "(success, failure or ignore); acquire a new permit for another call",
      );
    }
    this.settled = true;
    if (this.epoch === this.sink.epoch) this.sink.settle(outcome);
  }
}
