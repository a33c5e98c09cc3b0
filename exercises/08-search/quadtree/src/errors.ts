import { CodedError } from "#kata";

/**
 * The errors a quadtree raises. Given code: use it as it is.
 *
 * Each error carries a `code` a caller can switch on, and a message that names the value that was
 * wrong and says what to do instead. A call that throws changes nothing.
 */
export type QuadtreeErrorCode =
  | "INVALID_OPTIONS" // leafCapacity not a positive integer, or maxDepth not an integer in [0, 40]
  | "INVALID_ID" // an id that is not a non-empty string
  | "INVALID_COORDINATES" // lat not a number in [-90, 90], or lon not a number in [-180, 180]
  | "DUPLICATE_ID" // insert of an id that is already in the tree (move it instead)
  | "UNKNOWN_ID" // move or remove of an id that is not in the tree
  | "INVALID_RADIUS" // a radius or a maximum distance that is negative, NaN or not a number
  | "INVALID_K"; // a count of neighbours that is not a positive integer

export class QuadtreeError extends CodedError<QuadtreeErrorCode> {
  override readonly name = "QuadtreeError";
}
