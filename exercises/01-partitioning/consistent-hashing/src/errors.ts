import { CodedError } from "#kata";

/**
 * The errors a hash ring raises. Given code: use it, no need to change it.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead.
 */
export type RingErrorCode =
  | "INVALID_VIRTUAL_NODES" // virtualNodes is not a positive integer
  | "INVALID_NODE_ID" // a node id that is not a non-empty string
  | "DUPLICATE_NODE" // addNode for a node already on the ring
  | "UNKNOWN_NODE" // removeNode for a node not on the ring
  | "EMPTY_RING" // lookup with no node on the ring
  | "INVALID_KEY"; // a key that is not a string

export class RingError extends CodedError<RingErrorCode> {
  override readonly name = "RingError";
}
