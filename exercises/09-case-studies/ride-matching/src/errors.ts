import { CodedError } from "#kata";

/**
 * The errors a ride matcher raises. Given code: use it as it is.
 *
 * Each error carries a `code` a caller can switch on, and a message that names the value that was
 * wrong and says what to do instead. A call that throws changes nothing.
 */
export type RideMatchingErrorCode =
  | "INVALID_OPTIONS" // radiusMetres given and not a positive, finite number of metres
  | "INVALID_ID" // a driver or rider id that is not a non-empty string
  | "INVALID_COORDINATES" // lat not a number in [-90, 90], or lon not a number in [-180, 180]
  | "DUPLICATE_DRIVER" // goOnline for a driver who is already online
  | "UNKNOWN_DRIVER" // a driver call for a driver who is not online
  | "RIDER_BUSY" // requestRide for a rider who is already waiting, matched or on a trip
  | "UNKNOWN_RIDER" // cancelRide for a rider with no request
  | "WRONG_STATE"; // a call the driver's or rider's state does not allow (pickUp before a match...)

export class RideMatchingError extends CodedError<RideMatchingErrorCode> {
  override readonly name = "RideMatchingError";
}
