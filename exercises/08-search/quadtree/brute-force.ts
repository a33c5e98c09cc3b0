/**
 * The tests' answers, computed the slow and obvious way (given code, for the visible and hidden
 * tests): every point measured, the split rule applied from scratch. A tree must agree with these
 * exactly: the same points, the same distances to the last bit, the same order.
 */
import { haversineMetres } from "./src/geo";
import type { Neighbour } from "./src/tree-spec";

export interface Point {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
}

/** Nearest first; equal distances by id (compared as strings, `<`). */
export function byDistanceThenId(a: Neighbour, b: Neighbour): number {
  return a.distanceMetres - b.distanceMetres || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every point at most `radiusMetres` from (lat, lon), nearest first, ties by id. */
export function scanWithin(points: Iterable<Point>, lat: number, lon: number, radiusMetres: number): Neighbour[] {
  const found: Neighbour[] = [];
  for (const p of points) {
    const distanceMetres = haversineMetres(lat, lon, p.lat, p.lon);
    if (distanceMetres <= radiusMetres) found.push({ id: p.id, lat: p.lat, lon: p.lon, distanceMetres });
  }
  return found.sort(byDistanceThenId);
}

/** The k points nearest to (lat, lon) within maxDistanceMetres, nearest first, ties by id. */
export function scanNearest(
  points: Iterable<Point>,
  lat: number,
  lon: number,
  k: number,
  maxDistanceMetres = Number.POSITIVE_INFINITY,
): Neighbour[] {
  return scanWithin(points, lat, lon, maxDistanceMetres).slice(0, k);
}

/**
 * How many cells a tree of these points has, by the rules: a cell with more than leafCapacity
 * points splits at its midpoints unless it is at maxDepth; lat >= midLat goes north, lon >= midLon
 * goes east.
 */
export function cellCountOf(points: readonly Point[], leafCapacity: number, maxDepth: number): number {
  const count = (
    inside: readonly Point[],
    south: number,
    north: number,
    west: number,
    east: number,
    depth: number,
  ): number => {
    if (inside.length <= leafCapacity || depth >= maxDepth) return 1;
    const midLat = (south + north) / 2;
    const midLon = (west + east) / 2;
    const quadrants: Point[][] = [[], [], [], []];
    for (const p of inside) quadrants[(p.lat >= midLat ? 2 : 0) + (p.lon >= midLon ? 1 : 0)]?.push(p);
    const [sw, se, nw, ne] = quadrants as [Point[], Point[], Point[], Point[]];
    return (
      1 +
      count(sw, south, midLat, west, midLon, depth + 1) +
      count(se, south, midLat, midLon, east, depth + 1) +
      count(nw, midLat, north, west, midLon, depth + 1) +
      count(ne, midLat, north, midLon, east, depth + 1)
    );
  };
  return count(points, -90, 90, -180, 180, 0);
}

/**
 * Why a search's answer differs from the scan's, in words a learner can act on: which points are
 * missing or extra, how far each is, and the classic mistake that loses such a point.
 */
export function explainDifference(
  call: string,
  got: readonly Neighbour[],
  expected: readonly Neighbour[],
  centre: { lat: number; lon: number },
  radiusMetres: number,
): string | undefined {
  const same =
    got.length === expected.length &&
    got.every((n, i) => n.id === expected[i]?.id && n.distanceMetres === expected[i]?.distanceMetres);
  if (same) return undefined;
  const gotIds = new Set(got.map((n) => n.id));
  const expectedIds = new Set(expected.map((n) => n.id));
  const missing = expected.filter((n) => !gotIds.has(n.id));
  const extra = got.filter((n) => !expectedIds.has(n.id));
  const show = (n: Neighbour): string => `${n.id} at (${n.lat}, ${n.lon}), ${n.distanceMetres} m away`;
  const lines = [`${call} gave ${got.length} points, a scan of every point ${expected.length}.`];
  if (missing.length > 0) {
    lines.push(`Missing ${missing.length}, e.g. ${missing.slice(0, 3).map(show).join("; ")}.`);
    lines.push(diagnoseMissing(missing, centre, radiusMetres));
  }
  if (extra.length > 0) {
    lines.push(
      `Extra ${extra.length}, e.g. ${extra.slice(0, 3).map(show).join("; ")}: ` +
        "only points with haversineMetres(centre, point) <= the radius belong in the answer, measured from where each point is now.",
    );
  }
  if (missing.length === 0 && extra.length === 0) {
    const i = got.findIndex((n, j) => n.id !== expected[j]?.id || n.distanceMetres !== expected[j]?.distanceMetres);
    lines.push(
      `Same points, but at position ${i} got ${got[i] === undefined ? "nothing" : show(got[i])}, expected ${expected[i] === undefined ? "nothing" : show(expected[i])}: ` +
        "sort nearest first, equal distances by id, and report haversineMetres(centre lat, centre lon, point lat, point lon) as the distance.",
    );
  }
  return lines.join(" ");
}

function diagnoseMissing(
  missing: readonly Neighbour[],
  centre: { lat: number; lon: number },
  radiusMetres: number,
): string {
  const reasons: string[] = [];
  if (missing.some((n) => n.distanceMetres === radiusMetres)) {
    reasons.push("a point at exactly the radius is in: within means distance <= radius, not <");
  }
  if (missing.some((n) => Math.abs(n.lon - centre.lon) > 180)) {
    reasons.push(
      "the circle crosses the antimeridian: longitudes past 180 wrap round to -180, so the search must look on both sides of it",
    );
  }
  const reach = (Math.min(radiusMetres, 2e7) / 6_371_000) * (180 / Math.PI);
  if (Math.abs(centre.lat) + reach >= 90) {
    reasons.push(
      "the circle reaches across the pole: it then covers every longitude, and a point on the far side of the pole (180° of longitude away) can be a few metres off",
    );
  }
  if (reasons.length === 0) {
    reasons.push(
      "a cell that holds a point in range was skipped: the box around a circle is lat ± d and lon ± asin(sin d / cos lat) (d the radius as an angle), and a moved point must be filed under the cell of its new position",
    );
  }
  return `Likely cause: ${reasons.join("; ")}.`;
}
