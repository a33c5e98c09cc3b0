import { CodedError } from "#kata";

/**
 * The error the vector-clock functions raise for bad input. Given code: use it as it is.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead.
 */
export type VectorClockErrorCode =
  | "INVALID_NODE_ID" // a node id that is not a non-empty string
  | "INVALID_CLOCK"; // not a plain object of node id -> non-negative safe integer

export class VectorClockError extends CodedError<VectorClockErrorCode> {
  override readonly name = "VectorClockError";
}
