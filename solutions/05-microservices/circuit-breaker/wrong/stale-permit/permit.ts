import { CircuitBreakerError } from "../../src/errors";
import type { Permit } from "../../src/circuit-breaker";
import type { Outcome, OutcomeSink } from "../../src/permit";

export type { Outcome, OutcomeSink } from "../../src/permit";

/**
 * Wrong: a permit does not remember when it was granted. Its outcome counts in whatever state the
 * breaker is in when it reports, so a straggler from before the breaker opened can close it.
 */
export class BreakerPermit implements Permit {
  private settled = false;

  constructor(
    private readonly sink: OutcomeSink,
    _grantedIn: number,
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
    if (this.settled) throw new CircuitBreakerError("PERMIT_ALREADY_SETTLED", "each permit reports once");
    this.settled = true;
    this.sink.settle(outcome);
  }
}
