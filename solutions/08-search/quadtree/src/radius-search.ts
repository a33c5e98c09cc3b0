import { capBox, type CapBox } from "./cap-box";
import type { Cell } from "./cells";
import { haversineMetres } from "./geo";
import type { Neighbour } from "./tree-spec";

/**
 * Appends to `found` every entry under `root` at most `radiusMetres` from (lat, lon), unsorted.
 * Only cells that overlap the cap's box are visited; in them, a point outside the box is skipped
 * with four comparisons, and the rest are measured with haversineMetres, the one exact rule.
 */
export function collectWithin(root: Cell, lat: number, lon: number, radiusMetres: number, found: Neighbour[]): void {
  const box = capBox(lat, lon, radiusMetres);
  const pending: Cell[] = [root];
  for (let cell = pending.pop(); cell !== undefined; cell = pending.pop()) {
    if (!overlaps(cell, box)) continue;
    if (cell.children !== null) {
      for (const child of cell.children) pending.push(child);
      continue;
    }
    for (const entry of cell.entries) {
      if (!inBox(entry.lat, entry.lon, box)) continue;
      const distanceMetres = haversineMetres(lat, lon, entry.lat, entry.lon);
      if (distanceMetres <= radiusMetres) found.push({ id: entry.id, lat: entry.lat, lon: entry.lon, distanceMetres });
    }
  }
}

/** Nearest first; equal distances by id, so every tree gives one order for the same points. */
export function compareNeighbours(a: Neighbour, b: Neighbour): number {
  return a.distanceMetres - b.distanceMetres || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether the cell's box and the cap's box share a point (edges included). */
function overlaps(cell: Cell, box: CapBox): boolean {
  if (cell.north < box.south || cell.south > box.north) return false;
  return (cell.east >= box.west && cell.west <= box.east) || (cell.east >= box.west2 && cell.west <= box.east2);
}

function inBox(lat: number, lon: number, box: CapBox): boolean {
  if (lat < box.south || lat > box.north) return false;
  return (lon >= box.west && lon <= box.east) || (lon >= box.west2 && lon <= box.east2);
}
