/**
 * The naive tree: correct, and slow where it counts. It replaces only the reference's search box:
 * every circle's box is the whole world, so a search visits every cell and measures every point,
 * a linear scan of all n points per search (the tree still files them, so moves, removals and
 * cellCount behave exactly as the reference's). 100,000 drivers cost 100,000 haversines per
 * search, where the reference measures about 160 points near the rider.
 */
import type { CapBox } from "../src/cap-box";

export type { CapBox } from "../src/cap-box";

export function capBox(_lat: number, _lon: number, _radiusMetres: number): CapBox {
  return { south: -90, north: 90, west: -180, east: 180, west2: 1, east2: 0 };
}
