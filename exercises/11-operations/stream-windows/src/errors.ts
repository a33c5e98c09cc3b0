import { CodedError } from "#kata";

/** The errors stream-windows raises. Given code: the learner uses it as it is. */
export type StreamWindowsErrorCode =
  | "INVALID_INPUT"; // TODO(kata new): one code per kind of bad input, with a comment each

export class StreamWindowsError extends CodedError<StreamWindowsErrorCode> {
  override readonly name = "StreamWindowsError";
}
