import { CodedError } from "#kata";

/** The error an LRU cache raises for a bad argument. Given code: use it as it is. */
export type CacheErrorCode = "INVALID_CAPACITY"; // not a positive integer

export class CacheError extends CodedError<CacheErrorCode> {
  override readonly name = "CacheError";
}
