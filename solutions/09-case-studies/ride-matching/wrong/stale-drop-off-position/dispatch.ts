/**
 * Wrong: at a drop-off the driver is freed, and offered to the waiting riders, before its position
 * becomes the drop-off's: it is matched by where it picked the rider up (or last reported), which
 * may be 10 km behind it.
 */
import { driverFreed, type Board, type Driver, type Rider } from "../../src/dispatch";
import type { Match } from "../../src/ride-spec";

export { driverFreed, driverMoved, rideCancelled, rideRequested } from "../../src/dispatch";
export type { Board, Driver, Rider } from "../../src/dispatch";

export function tripEnded(board: Board, driver: Driver, lat: number, lon: number): Match | undefined {
  board.riders.delete((driver.rider as Rider).id);
  const match = driverFreed(board, driver);
  if (match === undefined) board.available.move(driver.id, lat, lon);
  driver.lat = lat;
  driver.lon = lon;
  return match;
}
