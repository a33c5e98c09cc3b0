import { notImplemented } from "#kata";
import { RideMatchingError } from "./errors";
import { haversineMetres } from "./geo";
import {
  DEFAULT_RADIUS_METRES,
  type DriverState,
  type Match,
  type Position,
  type RideMatcherOptions,
  type RiderState,
} from "./ride-spec";
// RideMatchingError and haversineMetres are what the finished matcher is built from.

export { DEFAULT_RADIUS_METRES } from "./ride-spec";
export type { DriverState, Match, Position, RideMatcherOptions, RiderState } from "./ride-spec";

/**
 * The dispatcher of a ride-hailing app: it knows where every online driver is and what each is
 * doing, and puts riders and drivers together.
 *
 * - **Reach.** A driver is in reach of a pickup when
 *   `haversineMetres(pickup.lat, pickup.lon, driver.lat, driver.lon) <= radiusMetres`: a driver at
 *   exactly the radius is in reach.
 * - **A request** is matched at once to the nearest available driver in reach; equal distances go
 *   to the smaller driver id (compared as strings, `<`). With none in reach, the rider waits, at
 *   the back of the line.
 * - **A driver who becomes available** (going online, dropping a rider off, losing a rider who
 *   cancelled, or moving while available) takes the rider who has waited longest among the
 *   waiting riders in reach of it; with none in reach, it stays available.
 * - So after every call no waiting rider has an available driver in reach, and no driver ever has
 *   two riders.
 *
 * Searching every driver for every request is correct and far too slow for a city: keep the
 * available drivers, and the waiting riders, in a spatial index of your own in src/ (your
 * quadtree from the search track is the idea; exercises cannot import each other).
 *
 * Errors are RideMatchingErrors (./errors.ts) with a code: see each method. A call that throws
 * changes nothing.
 */
export class RideMatcher {
  /** How far a driver may be from a pickup to be matched with it, in metres. */
  readonly radiusMetres: number;

  /**
   * @throws RideMatchingError INVALID_OPTIONS when radiusMetres is given and is not a positive
   *   finite number (0, -1, NaN, Infinity, "5000").
   */
  constructor(options: RideMatcherOptions = {}) {
    this.radiusMetres = options.radiusMetres ?? DEFAULT_RADIUS_METRES;
    notImplemented("new RideMatcher()");
  }

  /**
   * A driver comes online at (lat, lon), available. If riders are waiting in reach, the driver
   * takes the one who has waited longest, and the match is returned; otherwise undefined.
   * @throws RideMatchingError INVALID_ID; INVALID_COORDINATES for a lat outside [-90, 90] or a lon
   *   outside [-180, 180] (or NaN, or not a number); DUPLICATE_DRIVER when already online.
   */
  goOnline(driverId: string, lat: number, lon: number): Match | undefined {
    return notImplemented(`RideMatcher.goOnline(${JSON.stringify(driverId)}, ${lat}, ${lon})`);
  }

  /**
   * A driver's app reports a new position: the hot write path, every few seconds per driver, in
   * every state. An available driver who moves into reach of waiting riders takes the one who has
   * waited longest, and the match is returned. A driver en route or on a trip only moves: it is
   * not available, and never takes a second rider.
   * @throws RideMatchingError INVALID_ID; INVALID_COORDINATES; UNKNOWN_DRIVER when not online.
   */
  updateLocation(driverId: string, lat: number, lon: number): Match | undefined {
    return notImplemented(`RideMatcher.updateLocation(${JSON.stringify(driverId)}, ${lat}, ${lon})`);
  }

  /**
   * An available driver goes offline and is forgotten.
   * @throws RideMatchingError INVALID_ID; UNKNOWN_DRIVER; WRONG_STATE when the driver is en route
   *   or on a trip (finish the ride, or have the rider cancel, first).
   */
  goOffline(driverId: string): void {
    notImplemented(`RideMatcher.goOffline(${JSON.stringify(driverId)})`);
  }

  /**
   * A rider asks for a ride from (lat, lon). Matched at once to the nearest available driver in
   * reach (ties by id), who is then en route; the match is returned. With no available driver in
   * reach the rider waits, last in line, and undefined is returned.
   * @throws RideMatchingError INVALID_ID; INVALID_COORDINATES; RIDER_BUSY when the rider already
   *   has a request (waiting, matched or on a trip).
   */
  requestRide(riderId: string, lat: number, lon: number): Match | undefined {
    return notImplemented(`RideMatcher.requestRide(${JSON.stringify(riderId)}, ${lat}, ${lon})`);
  }

  /**
   * A rider withdraws a request. A waiting rider leaves the line. A matched rider's driver is
   * free again, at its last reported position, and takes the rider who has waited longest in
   * reach of it, if any: that match is returned (otherwise undefined).
   * @throws RideMatchingError INVALID_ID; UNKNOWN_RIDER when the rider has no request;
   *   WRONG_STATE when the rider is already on the trip (the drop-off ends it).
   */
  cancelRide(riderId: string): Match | undefined {
    return notImplemented(`RideMatcher.cancelRide(${JSON.stringify(riderId)})`);
  }

  /**
   * The driver has the rider in the car: en route becomes on a trip, for both.
   * @throws RideMatchingError INVALID_ID; UNKNOWN_DRIVER; WRONG_STATE unless the driver is en route.
   */
  pickUp(driverId: string): void {
    notImplemented(`RideMatcher.pickUp(${JSON.stringify(driverId)})`);
  }

  /**
   * The trip ends at (lat, lon): the rider's request is over (the rider is unknown again and may
   * ask for another ride), and the driver, now at the drop-off, becomes available there: it takes
   * the rider who has waited longest in reach of the drop-off, if any, and that match is returned.
   * @throws RideMatchingError INVALID_ID; INVALID_COORDINATES; UNKNOWN_DRIVER; WRONG_STATE unless
   *   the driver is on a trip.
   */
  dropOff(driverId: string, lat: number, lon: number): Match | undefined {
    return notImplemented(`RideMatcher.dropOff(${JSON.stringify(driverId)}, ${lat}, ${lon})`);
  }

  /** The driver's state, or undefined when the driver is not online. */
  driverState(driverId: string): DriverState | undefined {
    return notImplemented(`RideMatcher.driverState(${JSON.stringify(driverId)})`);
  }

  /** Where the driver last reported being (or dropped a rider off), or undefined when offline. */
  driverPosition(driverId: string): Position | undefined {
    return notImplemented(`RideMatcher.driverPosition(${JSON.stringify(driverId)})`);
  }

  /** The rider the driver is en route to or carrying, or undefined. */
  riderOf(driverId: string): string | undefined {
    return notImplemented(`RideMatcher.riderOf(${JSON.stringify(driverId)})`);
  }

  /** The rider's state, or undefined when the rider has no request. */
  riderState(riderId: string): RiderState | undefined {
    return notImplemented(`RideMatcher.riderState(${JSON.stringify(riderId)})`);
  }

  /** The driver en route to or carrying the rider, or undefined. */
  driverOf(riderId: string): string | undefined {
    return notImplemented(`RideMatcher.driverOf(${JSON.stringify(riderId)})`);
  }

  /** The waiting riders' ids, the one who has waited longest first. */
  waitingRiders(): string[] {
    return notImplemented("RideMatcher.waitingRiders");
  }
}
