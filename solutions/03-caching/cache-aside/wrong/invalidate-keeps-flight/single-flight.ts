/**
 * Wrong design: invalidate() drops the cached entry and bumps the version, but leaves the running
 * load registered. Its result is (rightly) not stored, yet a reader that arrives after the
 * invalidation joins it and gets the value the invalidation replaced.
 */
import { SingleFlight as ReferenceSingleFlight } from "../../src/single-flight";

export class SingleFlight<T> extends ReferenceSingleFlight<T> {
  override forget(): void {
    // The mistake: the running load stays registered, so later readers still join it.
  }
}
