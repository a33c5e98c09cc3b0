/**
 * HALF_OPEN's admission: at most `trials` calls let through in one half-open period, and the
 * count of their successes. An ignored trial gives its place back.
 */
export class TrialGate {
  private granted = 0;
  private succeeded = 0;

  constructor(private readonly trials: number) {}

  /** A new half-open period: no trial given out, none succeeded. */
  reset(): void {
    this.granted = 0;
    this.succeeded = 0;
  }

  /** Lets one more trial through if any place is left. */
  tryEnter(): boolean {
    if (this.granted >= this.trials) return false;
    this.granted++;
    return true;
  }

  /** A trial that said nothing about the dependency: its place goes to the next caller. */
  giveBack(): void {
    this.granted--;
  }

  /** Counts one successful trial; true once `trials` have succeeded, and the breaker may close. */
  succeed(): boolean {
    this.succeeded++;
    return this.succeeded >= this.trials;
  }
}
