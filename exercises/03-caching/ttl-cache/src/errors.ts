import { CodedError } from "#kata";

/** The errors a TTL cache raises for bad arguments. Given code: use it as it is. */
export type TtlCacheErrorCode =
  | "INVALID_TTL" // a TTL that is not a positive, finite number of milliseconds
  | "INVALID_MAX_SIZE"; // a maxSize that is not a positive integer

export class TtlCacheError extends CodedError<TtlCacheErrorCode> {
  override readonly name = "TtlCacheError";
}
