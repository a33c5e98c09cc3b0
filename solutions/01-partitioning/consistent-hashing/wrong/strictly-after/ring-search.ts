/**
 * The mistake: the search compares with `<=` where it needs `<`, so it lands on the first point
 * strictly after the key's hash. A key that hashes exactly onto a point is handed to the next one.
 * (The first point after h is the first at or after h + 1; past 2^32 - 1 that wraps to 0.)
 */
import { pointIndexFor as atOrAfter } from "../../src/ring-search";

export function pointIndexFor(positions: Uint32Array, h: number): number {
  return atOrAfter(positions, h + 1);
}
