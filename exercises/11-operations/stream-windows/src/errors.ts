import { CodedError } from "#kata";

/**
 * The errors a window operator raises. Given code: use it as it is.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead. A refused event changes nothing: no window, no watermark.
 */
export type StreamWindowsErrorCode =
  | "INVALID_WINDOW" // a size, slide or gap not above 0, a slide larger than the size, a bad offset
  | "INVALID_OPTION" // maxOutOfOrderness or allowedLateness below 0, an unknown late-event policy
  | "INVALID_EVENT" // a key that is not a string, a time or value that is not a finite number
  | "STREAM_ENDED"; // process() after flush(): the stream is over

export class StreamWindowsError extends CodedError<StreamWindowsErrorCode> {
  override readonly name = "StreamWindowsError";
}
