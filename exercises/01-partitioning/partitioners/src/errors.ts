import { CodedError } from "#kata";

/**
 * The errors the partitioners and the skew report raise. Given code: use it, no need to change it.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong (the
 * value given) and what to do instead.
 */
export type PartitionErrorCode =
  | "INVALID_KEY" // a key that is not a string (a number, undefined, an object)
  | "EMPTY_KEY" // the empty string: usually a missing field, and every such row would share one partition
  | "KEY_NOT_COVERED" // no range holds the key: before the first range, in a gap, at or past the last end
  | "INVALID_PARTITION_COUNT" // a hash partition count that is not a positive integer; an empty range list
  | "INVALID_RANGE" // a range that is not { start, end? } of strings, or whose end is not after its start
  | "UNSORTED_RANGES" // a range that starts before the range listed just before it
  | "OVERLAPPING_RANGES" // a range that starts before the range listed just before it ends
  | "INVALID_RECORD"; // a skew-report record that is not { key, bytes } with bytes a whole number >= 0

export class PartitionError extends CodedError<PartitionErrorCode> {
  override readonly name = "PartitionError";
}
