/**
 * The naive routing: what a first version does. For every request, the haversine distance (four
 * trigonometric calls and a square root) from the client to every healthy edge, then a sort of all
 * of them by distance, then the first with room. Right answers, but O(E log E) trigonometry-heavy
 * work per request, where one dot product per edge finds the nearest and only the winner's
 * distance needs trigonometry.
 */
import type { Edge } from "../src/edge";
import type { Route } from "../src/edge-routing";
import { EARTH_RADIUS_KM, type GeoPoint } from "../src/types";

export { rankHealthy, type Route } from "../src/edge-routing";

function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function nearestWithRoom(edges: readonly Edge[], client: GeoPoint, now: number): Route | undefined {
  const ranked = edges
    .filter((edge) => edge.healthy)
    .map((edge) => ({ edge, distanceKm: haversineKm(client, edge.config.location) }))
    .sort((a, b) => a.distanceKm - b.distanceKm || (a.edge.config.id < b.edge.config.id ? -1 : 1));
  return ranked.find(({ edge }) => edge.window.hasRoom(now));
}
