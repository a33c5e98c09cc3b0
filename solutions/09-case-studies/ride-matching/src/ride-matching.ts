import {
  driverFreed,
  driverMoved,
  rideCancelled,
  rideRequested,
  tripEnded,
  type Board,
  type Driver,
  type Rider,
} from "./dispatch";
import { RideMatchingError } from "./errors";
import { PointIndex } from "./point-index";
import {
  DEFAULT_RADIUS_METRES,
  type DriverState,
  type Match,
  type Position,
  type RideMatcherOptions,
  type RiderState,
} from "./ride-spec";
import { WaitingLine } from "./waiting-line";

export { DEFAULT_RADIUS_METRES } from "./ride-spec";
export type { DriverState, Match, Position, RideMatcherOptions, RiderState } from "./ride-spec";

/**
 * The dispatcher (the rules are in the stub's class comment).
 *
 * Drivers and riders are records in two Maps; the available drivers are also in a quadtree
 * (./point-index), and the waiting riders in a line whose pickups are in a quadtree of their own
 * (./waiting-line). Each state change is one function of ./dispatch, which keeps the indexes and
 * the states in step. Every check runs before any change, so a call that throws changes nothing.
 */
export class RideMatcher {
  readonly radiusMetres: number;
  private readonly board: Board;

  constructor(options: RideMatcherOptions = {}) {
    const radiusMetres = options.radiusMetres ?? DEFAULT_RADIUS_METRES;
    if (typeof radiusMetres !== "number" || !(radiusMetres > 0) || radiusMetres === Number.POSITIVE_INFINITY) {
      throw new RideMatchingError(
        "INVALID_OPTIONS",
        `radiusMetres must be a positive, finite number of metres, got ${show(radiusMetres)}; omit it for ${DEFAULT_RADIUS_METRES}`,
      );
    }
    this.radiusMetres = radiusMetres;
    this.board = {
      radiusMetres,
      drivers: new Map(),
      riders: new Map(),
      available: new PointIndex(),
      waiting: new WaitingLine(),
    };
  }

  goOnline(driverId: string, lat: number, lon: number): Match | undefined {
    assertId("driverId", driverId);
    assertCoordinates(lat, lon);
    const existing = this.board.drivers.get(driverId);
    if (existing !== undefined) {
      throw new RideMatchingError(
        "DUPLICATE_DRIVER",
        `driver "${driverId}" is already online (${existing.state}, at ${existing.lat}, ${existing.lon}); use updateLocation("${driverId}", ${lat}, ${lon}) to report a new position`,
      );
    }
    const driver: Driver = { id: driverId, lat, lon, state: "available", rider: undefined };
    this.board.drivers.set(driverId, driver);
    return driverFreed(this.board, driver);
  }

  updateLocation(driverId: string, lat: number, lon: number): Match | undefined {
    assertId("driverId", driverId);
    assertCoordinates(lat, lon);
    return driverMoved(this.board, this.driver(driverId, "updateLocation"), lat, lon);
  }

  goOffline(driverId: string): void {
    assertId("driverId", driverId);
    const driver = this.driver(driverId, "goOffline");
    if (driver.state !== "available") {
      throw new RideMatchingError(
        "WRONG_STATE",
        `driver "${driverId}" cannot go offline while ${driver.state} with rider "${(driver.rider as Rider).id}"; drop the rider off (or let the rider cancel) first`,
      );
    }
    this.board.available.remove(driverId);
    this.board.drivers.delete(driverId);
  }

  requestRide(riderId: string, lat: number, lon: number): Match | undefined {
    assertId("riderId", riderId);
    assertCoordinates(lat, lon);
    const existing = this.board.riders.get(riderId);
    if (existing !== undefined) {
      throw new RideMatchingError(
        "RIDER_BUSY",
        `rider "${riderId}" already has a request (${existing.state}); cancel it or finish the trip before asking again`,
      );
    }
    return rideRequested(this.board, { id: riderId, lat, lon, state: "waiting", driver: undefined });
  }

  cancelRide(riderId: string): Match | undefined {
    assertId("riderId", riderId);
    const rider = this.board.riders.get(riderId);
    if (rider === undefined) {
      throw new RideMatchingError("UNKNOWN_RIDER", `rider "${riderId}" has no request to cancel; requestRide first`);
    }
    if (rider.state === "on-trip") {
      throw new RideMatchingError(
        "WRONG_STATE",
        `rider "${riderId}" is already on the trip with driver "${(rider.driver as Driver).id}" and cannot cancel; the drop-off ends it`,
      );
    }
    return rideCancelled(this.board, rider);
  }

  pickUp(driverId: string): void {
    assertId("driverId", driverId);
    const driver = this.driver(driverId, "pickUp");
    if (driver.state !== "en-route") {
      throw new RideMatchingError(
        "WRONG_STATE",
        `driver "${driverId}" is ${driver.state}, not en route to a rider, so there is no one to pick up`,
      );
    }
    driver.state = "on-trip";
    (driver.rider as Rider).state = "on-trip";
  }

  dropOff(driverId: string, lat: number, lon: number): Match | undefined {
    assertId("driverId", driverId);
    assertCoordinates(lat, lon);
    const driver = this.driver(driverId, "dropOff");
    if (driver.state !== "on-trip") {
      throw new RideMatchingError(
        "WRONG_STATE",
        `driver "${driverId}" is ${driver.state}, not on a trip, so there is no one to drop off; pickUp comes first`,
      );
    }
    return tripEnded(this.board, driver, lat, lon);
  }

  driverState(driverId: string): DriverState | undefined {
    return this.board.drivers.get(driverId)?.state;
  }

  driverPosition(driverId: string): Position | undefined {
    const driver = this.board.drivers.get(driverId);
    return driver === undefined ? undefined : { lat: driver.lat, lon: driver.lon };
  }

  riderOf(driverId: string): string | undefined {
    return this.board.drivers.get(driverId)?.rider?.id;
  }

  riderState(riderId: string): RiderState | undefined {
    return this.board.riders.get(riderId)?.state;
  }

  driverOf(riderId: string): string | undefined {
    return this.board.riders.get(riderId)?.driver?.id;
  }

  waitingRiders(): string[] {
    return this.board.waiting.riders();
  }

  private driver(driverId: string, action: string): Driver {
    const driver = this.board.drivers.get(driverId);
    if (driver === undefined) {
      throw new RideMatchingError(
        "UNKNOWN_DRIVER",
        `cannot ${action} driver "${driverId}": the driver is not online; goOnline first`,
      );
    }
    return driver;
  }
}

function assertId(name: string, id: unknown): asserts id is string {
  if (typeof id !== "string" || id.length === 0) {
    throw new RideMatchingError(
      "INVALID_ID",
      `${name} must be a non-empty string, got ${JSON.stringify(id) ?? String(id)}`,
    );
  }
}

function isLatitude(value: unknown): value is number {
  return typeof value === "number" && value >= -90 && value <= 90;
}

function isLongitude(value: unknown): value is number {
  return typeof value === "number" && value >= -180 && value <= 180;
}

function assertCoordinates(lat: unknown, lon: unknown): void {
  if (isLatitude(lat) && isLongitude(lon)) return;
  const swapped = isLatitude(lon) && isLongitude(lat) ? "; they look swapped: the order is lat, then lon" : "";
  throw new RideMatchingError(
    "INVALID_COORDINATES",
    `lat must be a number from -90 to 90 and lon a number from -180 to 180, got lat ${show(lat)}, lon ${show(lon)}${swapped}`,
  );
}

function show(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}
