import { cellHolds, type Cell, type Entry } from "./cells";
import { removeEntry } from "./cell-merge";
import { insertEntry } from "./cell-split";

/**
 * Moves `entry` to (lat, lon). A driver reporting every few seconds has usually not left its
 * leaf, and then only the coordinates change: O(1). Otherwise the entry is taken out (merging what
 * that empties) and filed again from the root (splitting what that fills), so the tree ends up as
 * if the point had been inserted at its new position.
 */
export function moveEntry(
  root: Cell,
  entry: Entry,
  lat: number,
  lon: number,
  leafCapacity: number,
  maxDepth: number,
): void {
  if (cellHolds(entry.leaf, lat, lon)) {
    entry.lat = lat;
    entry.lon = lon;
    return;
  }
  removeEntry(entry, leafCapacity);
  entry.lat = lat;
  entry.lon = lon;
  insertEntry(root, entry, leafCapacity, maxDepth);
}
