import { quadrantOf, type Cell } from "./cells";
import { EARTH_RADIUS_METRES, MAX_DISTANCE_METRES, RADIANS_PER_DEGREE } from "./geo";
import { collectWithin, compareNeighbours } from "./radius-search";
import type { Neighbour } from "./tree-spec";

/**
 * The k entries nearest to (lat, lon) within `maxDistanceMetres`, nearest first, ties by id.
 *
 * An exact radius search, widened until it is enough: search a circle; if it holds at least k
 * points, the k nearest are among them (everything outside is farther than the radius, and the
 * circle's k-th point is not). Otherwise double the radius and search again. The first radius is
 * half the height of the leaf that holds the centre: leaves are small where points are dense, so
 * it is about the right size at once.
 */
export function nearestTo(root: Cell, lat: number, lon: number, k: number, maxDistanceMetres: number): Neighbour[] {
  let radius = Math.min(firstRadius(root, lat, lon), maxDistanceMetres);
  for (;;) {
    const found: Neighbour[] = [];
    collectWithin(root, lat, lon, radius, found);
    if (found.length >= k || radius >= maxDistanceMetres || radius >= MAX_DISTANCE_METRES) {
      found.sort(compareNeighbours);
      if (found.length > k) found.length = k;
      return found;
    }
    radius = Math.min(radius * 2, maxDistanceMetres);
  }
}

function firstRadius(root: Cell, lat: number, lon: number): number {
  let cell = root;
  while (cell.children !== null) cell = cell.children[quadrantOf(cell, lat, lon)] as Cell;
  return Math.max(1, ((cell.north - cell.south) * RADIANS_PER_DEGREE * EARTH_RADIUS_METRES) / 2);
}
