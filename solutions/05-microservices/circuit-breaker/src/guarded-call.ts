import type { Clock } from "./clock";
import type { Permit } from "./circuit-breaker";
import { CircuitBreakerError } from "./errors";

/**
 * Runs `fn` against a deadline and reports its outcome on `permit`, once: whichever comes first,
 * the answer or the deadline, decides; the other is dropped. A timeout is a failure at the
 * deadline, whatever the call does later: a success that comes too late was already useless to
 * the caller, who has moved on.
 */
export function guardedCall<T>(
  clock: Clock,
  timeoutMs: number,
  fn: () => Promise<T>,
  permit: Permit,
  isFailure: (error: unknown) => boolean,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let decided = false;
    const timer = clock.setTimer(timeoutMs, () => {
      decided = true;
      permit.failure();
      reject(
        new CircuitBreakerError(
          "CALL_TIMEOUT",
          `no answer within callTimeoutMs = ${timeoutMs} ms: the call counts as a failure of the dependency`,
        ),
      );
    });
    let answer: Promise<T>;
    try {
      answer = Promise.resolve(fn());
    } catch (error) {
      answer = Promise.reject(error as Error);
    }
    answer.then(
      (value) => {
        if (decided) return;
        decided = true;
        timer.cancel();
        permit.success();
        resolve(value);
      },
      (error: unknown) => {
        if (decided) return;
        decided = true;
        timer.cancel();
        if (isFailure(error)) permit.failure();
        else permit.ignore();
        reject(error as Error);
      },
    );
  });
}
