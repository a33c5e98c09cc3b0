import { CodedError } from "#kata";

/** The error a rate limiter raises for a bad configuration. Given code: use it as it is. */
export type RateLimitConfigErrorCode =
  | "INVALID_LIMIT" // a limit string that is not "<positive integer>/<second|minute|hour|day>"
  | "INVALID_ALGORITHM" // an algorithm other than "sliding-window" or "token-bucket"
  | "INVALID_CONFIG"; // not an object, a missing or unknown field, a wrong type

export class RateLimitConfigError extends CodedError<RateLimitConfigErrorCode> {
  override readonly name = "RateLimitConfigError";
}
