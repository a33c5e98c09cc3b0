import { CodedError } from "#kata";

/** The errors a cache node raises for bad arguments. Given code. */
export type CacheNodeErrorCode =
  | "INVALID_OPTIONS" // an empty node id, or an L1 capacity that is not a positive integer
  | "INVALID_KEY"; // a key that is not a non-empty string

export class CacheNodeError extends CodedError<CacheNodeErrorCode> {
  override readonly name = "CacheNodeError";
}
