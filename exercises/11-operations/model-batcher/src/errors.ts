import { CodedError } from "#kata";

/**
 * The errors the batcher and the feature store raise. Given code: use it as it is.
 *
 * Each carries a `code` to switch on and a message that says what was wrong and what to do.
 */
export type ServingErrorCode =
  | "INVALID_OPTION" // a batcher option out of range (the message names it)
  | "BATCH_SIZE_MISMATCH" // the model answered a batch with a different number of outputs than inputs
  | "INVALID_FEATURE"; // a feature-store argument out of range: an empty id or name, a time or value that is not finite

export class ServingError extends CodedError<ServingErrorCode> {
  override readonly name = "ServingError";
}
