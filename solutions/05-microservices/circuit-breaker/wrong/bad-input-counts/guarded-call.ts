import type { Clock } from "../../src/clock";
import type { Permit } from "../../src/circuit-breaker";
import { guardedCall as reference } from "../../src/guarded-call";

/** Wrong: every error counts against the dependency, the caller's own bad input included. */
export function guardedCall<T>(
  clock: Clock,
  timeoutMs: number,
  fn: () => Promise<T>,
  permit: Permit,
  _isFailure: (error: unknown) => boolean,
): Promise<T> {
  return reference(clock, timeoutMs, fn, permit, () => true);
}
