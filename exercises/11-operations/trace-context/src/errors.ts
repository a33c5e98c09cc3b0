import { CodedError } from "#kata";

/**
 * The errors a tracer raises. Given code: use it as it is. Malformed headers are NOT errors: a
 * tracer ignores what it cannot trust and starts a new trace, as the W3C recommendation says.
 * These codes are for mistakes in the calling code.
 */
export type TraceErrorCode =
  | "INVALID_OPTION" // a sample ratio outside [0, 1]
  | "INVALID_ID" // the id source gave an id of the wrong length, not lowercase hex, or all zeros
  | "INVALID_TRACESTATE_ENTRY" // TraceState.set() with a key or value the grammar does not allow
  | "SPAN_ALREADY_ENDED"; // end() called twice on the same span

export class TraceError extends CodedError<TraceErrorCode> {
  override readonly name = "TraceError";
}
