/**
 * Which edge serves a client. The hot path: every request scans every edge, so the scan compares
 * dot products of unit vectors (the nearest point on a sphere is the one most aligned with yours)
 * and converts only the winner's distance to kilometres.
 */
import type { Edge } from "./edge";
import { distanceKm, dot, toUnitVector } from "./geo";
import type { GeoPoint } from "./types";

export interface Route {
  edge: Edge;
  distanceKm: number;
}

/** The nearest healthy edge with room this second (ties by id), or undefined: then the origin answers. */
export function nearestWithRoom(edges: readonly Edge[], client: GeoPoint, now: number): Route | undefined {
  const here = toUnitVector(client);
  let best: Edge | undefined;
  let bestDot = Number.NEGATIVE_INFINITY;
  for (const edge of edges) {
    if (!edge.healthy) continue;
    const d = dot(here, edge.vector);
    // The capacity check is last: it is only worth asking of an edge that would win.
    if (d > bestDot || (d === bestDot && best !== undefined && edge.config.id < best.config.id)) {
      if (!edge.window.hasRoom(now)) continue;
      best = edge;
      bestDot = d;
    }
  }
  return best === undefined ? undefined : { edge: best, distanceKm: distanceKm(here, best.vector) };
}

/** Healthy edges by distance from `client`, nearest first, ties by id (a listing, not the hot path). */
export function rankHealthy(edges: readonly Edge[], client: GeoPoint): { id: string; distanceKm: number }[] {
  const here = toUnitVector(client);
  return edges
    .filter((e) => e.healthy)
    .map((e) => ({ id: e.config.id, distanceKm: distanceKm(here, e.vector) }))
    .sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : 1));
}
