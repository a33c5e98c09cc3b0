import { CodedError } from "#kata";

/**
 * The errors a producer or a consumer raises for bad settings or a bad publish. Given code: use it
 * as it is. Each carries a `code` to switch on and a message that says what was wrong and what to
 * use instead. Nothing the network delivers is an error: a node ignores malformed messages.
 */
export type DeliveryErrorCode =
  | "INVALID_MODE" // mode is not one of the three delivery modes
  | "INVALID_VISIBILITY_TIMEOUT" // not finite, or not longer than processingMs + ackDelayMs
  | "INVALID_MAX_ATTEMPTS" // not a whole number of at least 1
  | "INVALID_PROCESSING_TIME" // processingMs negative or not finite
  | "INVALID_ACK_DELAY" // ackDelayMs negative or not finite
  | "INVALID_DEDUP_WINDOW" // dedupWindowMs not finite and positive
  | "INVALID_CONSUMER" // the producer's consumer is not one of its peers
  | "INVALID_KEY" // publish with a key that is not a non-empty string
  | "INVALID_PAYLOAD" // publish with a payload that is not a string
  | "DUPLICATE_KEY"; // publish with a key this producer has published before

export class DeliveryError extends CodedError<DeliveryErrorCode> {
  override readonly name = "DeliveryError";
}
