import { CodedError } from "#kata";

/** The errors ride-matching raises. Given code: the learner uses it as it is. */
export type RideMatchingErrorCode =
  | "INVALID_INPUT"; // TODO(kata new): one code per kind of bad input, with a comment each

export class RideMatchingError extends CodedError<RideMatchingErrorCode> {
  override readonly name = "RideMatchingError";
}
