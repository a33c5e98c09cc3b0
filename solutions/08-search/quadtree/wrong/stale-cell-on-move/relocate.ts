/**
 * The mistake: a move updates the point's coordinates and nothing else. The point stays filed in
 * the leaf of its old position, so a search near its new position skips that leaf and never sees
 * it, while the cells' counts (and so splits and merges) still describe the old positions.
 */
import type { Cell, Entry } from "../../src/cells";

export function moveEntry(
  _root: Cell,
  entry: Entry,
  lat: number,
  lon: number,
  _leafCapacity: number,
  _maxDepth: number,
): void {
  entry.lat = lat;
  entry.lon = lon;
}
