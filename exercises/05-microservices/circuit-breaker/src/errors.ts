import { CodedError } from "#kata";

/**
 * The errors a circuit breaker and a retry raise. Given code: use it, no need to change it.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead.
 */
export type CircuitBreakerErrorCode =
  | "INVALID_OPTION" // an option of the breaker or of retry() out of its range (the message names it)
  | "NOT_A_FUNCTION" // call() or retry() given something that is not a function
  | "PERMIT_ALREADY_SETTLED" // success(), failure() or ignore() on a permit that already reported
  | "CIRCUIT_OPEN" // call() refused without calling: OPEN, or HALF_OPEN with every trial taken
  | "CALL_TIMEOUT"; // the dependency did not answer within callTimeoutMs

export class CircuitBreakerError extends CodedError<CircuitBreakerErrorCode> {
  override readonly name = "CircuitBreakerError";
}
