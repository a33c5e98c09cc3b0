/**
 * The naive CDN: the reference's caching, prefetch and metrics, routed as seed A routes: for
 * every request, the haversine distance (four trigonometric calls and a square root) to every
 * edge, then a sort of all edges by distance, then the first with capacity. Right answers;
 * O(E log E) trigonometry-heavy work per request where a dot product per edge suffices.
 */
import { Cdn as ReferenceCdn, type Edge, type GeoPoint, type UnitVector } from "../src/cdn";
import { EARTH_RADIUS_KM } from "../src/types";

export type { CdnOptions, EdgeLocation, EdgeMetrics, GeoPoint, OriginServer, ServedRequest } from "../src/cdn";

function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export class Cdn extends ReferenceCdn {
  protected override nearestWithCapacity(client: GeoPoint, _here: UnitVector, now: number): Edge | undefined {
    const ranked = this.edges
      .filter((edge) => edge.healthy)
      .map((edge) => ({ edge, km: haversineKm(client, edge.config.location) }))
      .sort((a, b) => a.km - b.km || (a.edge.config.id < b.edge.config.id ? -1 : 1));
    return ranked.find(({ edge }) => edge.hasCapacity(now))?.edge;
  }
}
