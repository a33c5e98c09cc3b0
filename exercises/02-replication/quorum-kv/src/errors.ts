import { CodedError } from "#kata";

/** The errors of a quorum key-value store. Given code: use it as it is. */
export type QuorumErrorCode =
  | "UNAVAILABLE" // the coordinator did not hear from enough replicas within its timeout (an answer, not a throw)
  | "INVALID_LEVEL" // a consistency level other than "ONE", "QUORUM" or "ALL"
  | "INVALID_KEY" // a key that is not a non-empty string
  | "INVALID_VALUE" // a value that is not a string
  | "INVALID_TIMEOUT"; // a request timeout that is not a finite number of ms above 0

export class QuorumError extends CodedError<QuorumErrorCode> {
  override readonly name = "QuorumError";
}
