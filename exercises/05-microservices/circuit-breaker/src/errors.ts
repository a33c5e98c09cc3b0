import { CodedError } from "#kata";

/** The errors circuit-breaker raises. Given code: the learner uses it as it is. */
export type CircuitBreakerErrorCode =
  | "INVALID_INPUT"; // TODO(kata new): one code per kind of bad input, with a comment each

export class CircuitBreakerError extends CodedError<CircuitBreakerErrorCode> {
  override readonly name = "CircuitBreakerError";
}
