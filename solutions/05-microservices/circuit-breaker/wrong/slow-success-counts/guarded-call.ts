import type { Clock } from "../../src/clock";
import type { Permit } from "../../src/circuit-breaker";
import { CircuitBreakerError } from "../../src/errors";

/**
 * Wrong: the timeout only frees the caller. The outcome is reported when the call finally
 * answers, so a success after the deadline counts as a success.
 */
export function guardedCall<T>(
  clock: Clock,
  timeoutMs: number,
  fn: () => Promise<T>,
  permit: Permit,
  isFailure: (error: unknown) => boolean,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timedOut = false;
    const timer = clock.setTimer(timeoutMs, () => {
      timedOut = true;
      reject(new CircuitBreakerError("CALL_TIMEOUT", `no answer within callTimeoutMs = ${timeoutMs} ms`));
    });
    Promise.resolve(fn()).then(
      (value) => {
        timer.cancel();
        permit.success();
        if (!timedOut) resolve(value);
      },
      (error: unknown) => {
        timer.cancel();
        if (isFailure(error)) permit.failure();
        else permit.ignore();
        if (!timedOut) reject(error as Error);
      },
    );
  });
}
