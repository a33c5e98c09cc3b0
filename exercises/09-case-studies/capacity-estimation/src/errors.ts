import { CodedError } from "#kata";

/**
 * The errors the capacity calculator raises. Given code: use it, no need to change it.
 *
 * Each error carries a `code` a caller can switch on, and a message that names the argument, the
 * value given and what to pass instead.
 */
export type CapacityErrorCode =
  | "INVALID_QUANTITY" // a count, size, rate, duration or multiplier that is negative, NaN, infinite or not a number
  | "UNKNOWN_UNIT" // a unit that is not in the list ("Mb", "Mbps", "kb", "sec")
  | "WRONG_TYPE" // a bare number, or another kind of quantity, where a DataSize or a Duration is expected
  | "EMPTY_PERIOD" // a rate over a Duration of 0: there is no "per second" of nothing
  | "INVALID_PEAK_FACTOR" // peak over average below 1, or not finite
  | "INVALID_RATIO" // reads per write of 0 or less, or not finite
  | "INVALID_REPLICATION" // a replication factor that is not a whole number of copies, 1 or more
  | "INVALID_FRACTION" // a hot fraction or a target utilisation outside (0, 1]
  | "INVALID_AVAILABILITY" // an availability outside [0, 1] (99.9 instead of 0.999)
  | "INVALID_CAPACITY"; // a server's capacity of 0 or less, or not finite

export class CapacityError extends CodedError<CapacityErrorCode> {
  override readonly name = "CapacityError";
}
