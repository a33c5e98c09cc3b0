import { CodedError } from "#kata";

/**
 * The errors a work queue raises. Given code: use it as it is.
 *
 * Each carries a `code` a caller can switch on, and a message that says what was wrong and what to
 * do instead: a refused send or ack is news the caller must act on, never something to swallow.
 */
export type WorkQueueErrorCode =
  | "INVALID_CAPACITY" // capacity is neither a positive integer nor Infinity
  | "INVALID_FULL_POLICY" // whenFull is neither "reject" nor "block"
  | "INVALID_VISIBILITY_TIMEOUT" // visibilityTimeoutMs is not a positive, finite number
  | "INVALID_CONSUMER" // a consumer id that is not a non-empty string
  | "QUEUE_FULL" // send to a full queue whose policy is "reject"
  | "UNKNOWN_DELIVERY" // ack or nack of something this queue never handed out
  | "LEASE_EXPIRED" // ack or nack by a delivery whose lease has ended: the message is no longer its to settle
  | "ALREADY_ACKED"; // ack or nack of a message that has already been acknowledged and deleted

export class WorkQueueError extends CodedError<WorkQueueErrorCode> {
  override readonly name = "WorkQueueError";
}
