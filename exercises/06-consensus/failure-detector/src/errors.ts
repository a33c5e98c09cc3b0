import { CodedError } from "#kata";

/**
 * The errors the detectors raise. Given code: use it as it is.
 *
 * Each carries a `code` to switch on and a message that says what was wrong and what to do.
 */
export type DetectorErrorCode =
  | "INVALID_OPTION" // an option out of its range (the message names it)
  | "INVALID_TIME" // a time that is not a finite number
  | "TIME_WENT_BACKWARDS"; // a heartbeat or a question at a time before the last heartbeat: use a monotonic clock

export class DetectorError extends CodedError<DetectorErrorCode> {
  override readonly name = "DetectorError";
}
