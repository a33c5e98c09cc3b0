import { CodedError } from "#kata";

/**
 * The errors a global load balancer raises. Given code: use it as it is.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead. A refused call changes nothing: the balancer routes as it did before.
 */
export type GlobalLoadBalancerErrorCode =
  | "INVALID_REGION" // a region's field out of its range (the message names the region and field)
  | "DUPLICATE_REGION" // two regions with the same id
  | "INVALID_OPTION" // no regions, weights that are not a share of 1, a bad ceiling or peak window
  | "INVALID_REQUEST" // a request without a location, or with an empty list of allowed jurisdictions
  | "UNKNOWN_LOCATION" // a request from a location the regions have no latency figure for
  | "UNKNOWN_REGION" // update() for an id that was never registered
  | "NO_ELIGIBLE_REGION"; // every region is excluded for this request (the message says why, per region)

export class GlobalLoadBalancerError extends CodedError<GlobalLoadBalancerErrorCode> {
  override readonly name = "GlobalLoadBalancerError";
}
