/**
 * The mistake: look for the k nearest in the centre's own leaf, and search wider only when that
 * leaf holds fewer than k points. A point just across the leaf's edge can be nearer than every
 * point inside it.
 */
import { quadrantOf, type Cell } from "../../src/cells";
import { haversineMetres } from "../../src/geo";
import { compareNeighbours } from "../../src/radius-search";
import type { Neighbour } from "../../src/tree-spec";
import { nearestTo as widening } from "../../src/nearest-search";

export function nearestTo(root: Cell, lat: number, lon: number, k: number, maxDistanceMetres: number): Neighbour[] {
  let leaf = root;
  while (leaf.children !== null) leaf = leaf.children[quadrantOf(leaf, lat, lon)] as Cell;
  const found = leaf.entries
    .map((entry) => ({
      id: entry.id,
      lat: entry.lat,
      lon: entry.lon,
      distanceMetres: haversineMetres(lat, lon, entry.lat, entry.lon),
    }))
    .filter((neighbour) => neighbour.distanceMetres <= maxDistanceMetres);
  if (found.length < k) return widening(root, lat, lon, k, maxDistanceMetres);
  return found.sort(compareNeighbours).slice(0, k);
}
