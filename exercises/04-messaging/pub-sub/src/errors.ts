import { CodedError } from "#kata";

/**
 * The errors a broker raises for bad arguments. Given code: use it as it is.
 *
 * Each carries a `code` a caller can switch on, and a message that names the value that was wrong
 * and what to pass instead. A call that throws one changes nothing.
 */
export type PubSubErrorCode =
  | "INVALID_OPTIONS" // a PubSub option of the wrong type (clock or onSubscriberError not a function)
  | "INVALID_TOPIC" // a topic name that is not a non-empty string
  | "DUPLICATE_TOPIC" // createTopic for a name that already exists
  | "UNKNOWN_TOPIC" // publish, subscribe or describeTopic on a topic never created
  | "INVALID_RETENTION" // retention.messages not a non-negative integer, or ageMs not a non-negative finite number
  | "INVALID_HANDLER" // a subscriber that is not a function
  | "INVALID_START" // `from` malformed, or an offset past the topic's next offset
  | "INVALID_BUFFER_SIZE" // bufferSize not a positive integer
  | "INVALID_OVERFLOW"; // overflow not one of "drop-oldest", "drop-newest", "disconnect"

export class PubSubError extends CodedError<PubSubErrorCode> {
  override readonly name = "PubSubError";
}
