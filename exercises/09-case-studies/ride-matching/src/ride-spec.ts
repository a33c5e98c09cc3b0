/**
 * The parts of the ride matcher fixed by the spec, so every matcher agrees (given code): the
 * states, the options and their default, and the shape of a match.
 */

/**
 * A driver who is online is in exactly one of these states (a driver who is offline is unknown):
 * - "available": free, and may be matched to a rider;
 * - "en-route": matched, driving to the rider's pickup;
 * - "on-trip": carrying the rider, until the drop-off.
 */
export type DriverState = "available" | "en-route" | "on-trip";

/**
 * A rider with a request is in exactly one of these states (a rider with none is unknown):
 * - "waiting": in the line of requests no driver was in reach for;
 * - "matched": a driver is en route to the pickup;
 * - "on-trip": in the car, until the drop-off ends the request.
 */
export type RiderState = "waiting" | "matched" | "on-trip";

export interface RideMatcherOptions {
  /**
   * How far a driver may be from a pickup, in metres, to be matched with it: a positive finite
   * number; 5,000 when omitted. One radius serves every request and every driver.
   */
  radiusMetres?: number;
}

export const DEFAULT_RADIUS_METRES = 5_000;

/** Where a driver is, in degrees: lat in [-90, 90], lon in [-180, 180]. */
export interface Position {
  readonly lat: number;
  readonly lon: number;
}

/**
 * A rider and a driver put together. `distanceMetres` is
 * `haversineMetres(pickup.lat, pickup.lon, driver.lat, driver.lon)` at the moment of the match.
 */
export interface Match {
  readonly riderId: string;
  readonly driverId: string;
  readonly distanceMetres: number;
}
