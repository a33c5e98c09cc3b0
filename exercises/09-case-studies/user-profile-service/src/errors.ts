import { CodedError } from "#kata";

/**
 * The errors the profile service raises. Given code: use it, no need to change it.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead. The service's methods are async, so they reject with these errors.
 */
export type ProfileErrorCode =
  | "INVALID_OPTIONS" // a store, the event sink or the clock is missing, or lacks a method the service calls
  | "INVALID_TTL" // ttlMs is not a positive whole number of milliseconds
  | "INVALID_USER_ID" // a user id that is not a non-empty string
  | "INVALID_CHANGES" // changes that are not an object, have no field, or name a field a profile update cannot change
  | "INVALID_FIELD" // a known field with a value it cannot take (too long, empty, not an https URL, wrong type)
  | "UNKNOWN_USER"; // no profile with that user id

export class ProfileError extends CodedError<ProfileErrorCode> {
  override readonly name = "ProfileError";
}
