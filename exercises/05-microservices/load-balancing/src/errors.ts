import { CodedError } from "#kata";

/**
 * The errors a load balancer raises. Given code: use it as it is.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead. A refused call changes nothing.
 */
export type LoadBalancerErrorCode =
  | "UNKNOWN_ALGORITHM" // the algorithm is not one of the six (the message lists them)
  | "INVALID_OPTION" // no backends, or virtualNodes that is not a whole number from 1 to 1,000
  | "INVALID_BACKEND" // an empty id, or a weight that is not a whole number from 1 to 1,000
  | "DUPLICATE_BACKEND" // add() or the constructor given an id already there
  | "UNKNOWN_BACKEND" // remove(), setHealthy() or inFlight() for an id that is not there
  | "KEY_REQUIRED" // consistent-hash pick() without a key (a non-empty string)
  | "NO_HEALTHY_BACKEND" // every backend is marked down, or none is left
  | "ALREADY_RELEASED"; // release() called a second time on the same lease

export class LoadBalancerError extends CodedError<LoadBalancerErrorCode> {
  override readonly name = "LoadBalancerError";
}
