import { CodedError } from "#kata";

/** The errors a read-through cache raises for bad arguments. Given code. */
export type CacheAsideErrorCode =
  | "INVALID_LOADER" // load is not a function
  | "INVALID_TTL" // ttlMs not positive and finite, or a negative/error TTL below 0 or not finite
  | "INVALID_KEY"; // a key that is not a non-empty string

export class CacheAsideError extends CodedError<CacheAsideErrorCode> {
  override readonly name = "CacheAsideError";
}
