/**
 * Wrong: a location update files the driver among the available drivers whatever its state, so a
 * driver en route to one rider (or carrying one) is found again by the next request nearby.
 */
import { driverMoved as movedWhenAvailable, type Board, type Driver } from "../../src/dispatch";
import type { Match } from "../../src/ride-spec";

export { driverFreed, rideCancelled, rideRequested, tripEnded } from "../../src/dispatch";
export type { Board, Driver, Rider } from "../../src/dispatch";

export function driverMoved(board: Board, driver: Driver, lat: number, lon: number): Match | undefined {
  if (driver.state === "available") return movedWhenAvailable(board, driver, lat, lon);
  driver.lat = lat;
  driver.lon = lon;
  board.available.insert(driver.id, lat, lon);
  return undefined;
}
