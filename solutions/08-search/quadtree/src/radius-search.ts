import { capBox, type CapBox } from "./cap-box";
import type { Cell } from "./cells";
import { haversineMetres } from "./geo";
import type { Neighbour } from "./tree-spec";

/**
 * Appends to `found` every entry under `root` at most `radiusMetres` from (lat, lon), unsorted.
 * Only cells that overlap the cap's box are visited, and every point in their leaves is measured
 * with haversineMetres, the one exact rule. (Testing each point against the box first saves some
 * of the trigonometry but costs about as much as it saves, measured on the bench's fleets.)
 */
export function collectWithin(root: Cell, lat: number, lon: number, radiusMetres: number, found: Neighbour[]): void {
  const box = capBox(lat, lon, radiusMetres);
  const pending: Cell[] = [root];
  for (let cell = pending.pop(); cell !== undefined; cell = pending.pop()) {
    if (!overlaps(cell, box)) continue;
    if (cell.children !== null) {
      for (const child of cell.children) pending.push(child);
    } else {
      for (const entry of cell.entries) {
        const distanceMetres = haversineMetres(lat, lon, entry.lat, entry.lon);
        if (distanceMetres <= radiusMetres)
          found.push({ id: entry.id, lat: entry.lat, lon: entry.lon, distanceMetres });
      }
    }
  }
}

/**
 * Nearest first; equal distances by id, so every tree gives one order for the same points. Ids are
 * unique in a result, so two neighbours never compare equal.
 */
export function compareNeighbours(a: Neighbour, b: Neighbour): number {
  return a.distanceMetres - b.distanceMetres || (a.id < b.id ? -1 : 1);
}

/** Whether the cell's box and the cap's box share a point (edges included). */
function overlaps(cell: Cell, box: CapBox): boolean {
  if (cell.north < box.south || cell.south > box.north) return false;
  return (cell.east >= box.west && cell.west <= box.east) || (cell.east >= box.west2 && cell.west <= box.east2);
}
