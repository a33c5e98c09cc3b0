/**
 * Wrong: when a matched rider cancels, the driver simply rejoins the available drivers, without
 * looking at the line: a rider waiting next to it stays waiting until someone else asks.
 */
import type { Board, Driver, Rider } from "../../src/dispatch";
import type { Match } from "../../src/ride-spec";

export { driverFreed, driverMoved, rideRequested, tripEnded } from "../../src/dispatch";
export type { Board, Driver, Rider } from "../../src/dispatch";

export function rideCancelled(board: Board, rider: Rider): Match | undefined {
  board.riders.delete(rider.id);
  if (rider.state === "waiting") {
    board.waiting.remove(rider.id);
    return undefined;
  }
  const driver = rider.driver as Driver;
  driver.state = "available";
  driver.rider = undefined;
  board.available.insert(driver.id, driver.lat, driver.lon);
  return undefined;
}
