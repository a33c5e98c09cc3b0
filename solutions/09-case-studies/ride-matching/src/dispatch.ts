import { haversineMetres } from "./geo";
import type { PointIndex } from "./point-index";
import type { DriverState, Match, RiderState } from "./ride-spec";
import type { WaitingLine } from "./waiting-line";

export interface Driver {
  readonly id: string;
  lat: number;
  lon: number;
  state: DriverState;
  rider: Rider | undefined;
}

export interface Rider {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  state: RiderState;
  driver: Driver | undefined;
}

/**
 * Everything the matcher knows. Two invariants hold between calls: a driver is in `available`
 * exactly when its state is "available", and a rider is in `waiting` exactly when its state is
 * "waiting"; and no waiting rider has an available driver in reach.
 */
export interface Board {
  readonly radiusMetres: number;
  readonly drivers: Map<string, Driver>;
  readonly riders: Map<string, Rider>;
  readonly available: PointIndex;
  readonly waiting: WaitingLine;
}

/** A new request: the nearest available driver in reach (ties by id), or the back of the line. */
export function rideRequested(board: Board, rider: Rider): Match | undefined {
  board.riders.set(rider.id, rider);
  const nearest = board.available.nearestWithin(rider.lat, rider.lon, board.radiusMetres);
  if (nearest === undefined) {
    board.waiting.add(rider.id, rider.lat, rider.lon);
    return undefined;
  }
  board.available.remove(nearest.id);
  return assign(board.drivers.get(nearest.id) as Driver, rider, nearest.distanceMetres);
}

/**
 * A driver who is not in the available index becomes free at its position: it takes the rider who
 * has waited longest in reach, or joins the available drivers.
 */
export function driverFreed(board: Board, driver: Driver): Match | undefined {
  const rider = takeLongestWaiting(board, driver);
  if (rider !== undefined) return assign(driver, rider, distanceOf(rider, driver));
  driver.state = "available";
  driver.rider = undefined;
  board.available.insert(driver.id, driver.lat, driver.lon);
  return undefined;
}

/**
 * A location update. Only an available driver is in the index, and only an available driver can
 * take a waiting rider; a driver en route or on a trip just has a new position.
 */
export function driverMoved(board: Board, driver: Driver, lat: number, lon: number): Match | undefined {
  driver.lat = lat;
  driver.lon = lon;
  if (driver.state !== "available") return undefined;
  const rider = takeLongestWaiting(board, driver);
  if (rider === undefined) {
    board.available.move(driver.id, lat, lon);
    return undefined;
  }
  board.available.remove(driver.id);
  return assign(driver, rider, distanceOf(rider, driver));
}

/** The trip is over: the rider is forgotten, and the driver is free at the drop-off. */
export function tripEnded(board: Board, driver: Driver, lat: number, lon: number): Match | undefined {
  board.riders.delete((driver.rider as Rider).id);
  driver.lat = lat;
  driver.lon = lon;
  return driverFreed(board, driver);
}

/** A rider withdraws: out of the line, or its driver is freed where it is. */
export function rideCancelled(board: Board, rider: Rider): Match | undefined {
  board.riders.delete(rider.id);
  if (rider.state === "waiting") {
    board.waiting.remove(rider.id);
    return undefined;
  }
  return driverFreed(board, rider.driver as Driver);
}

/** Takes the longest-waiting rider in reach of the driver out of the line, if there is one. */
function takeLongestWaiting(board: Board, driver: Driver): Rider | undefined {
  const riderId = board.waiting.longestWaitingWithin(driver.lat, driver.lon, board.radiusMetres);
  if (riderId === undefined) return undefined;
  board.waiting.remove(riderId);
  return board.riders.get(riderId);
}

function assign(driver: Driver, rider: Rider, distanceMetres: number): Match {
  driver.state = "en-route";
  driver.rider = rider;
  rider.state = "matched";
  rider.driver = driver;
  return { riderId: rider.id, driverId: driver.id, distanceMetres };
}

/** The match distance, always measured from the pickup. */
function distanceOf(rider: Rider, driver: Driver): number {
  return haversineMetres(rider.lat, rider.lon, driver.lat, driver.lon);
}
