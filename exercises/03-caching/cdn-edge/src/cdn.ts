import { notImplemented } from "#kata";
import type { CdnOptions, EdgeMetrics, GeoPoint, ServedRequest } from "./types";
// Yours to use: SmallLru from "#kata/small-lru" (an LRU for the edge caches), CdnError (./errors),
// EARTH_RADIUS_KM (./types).

export type { CdnOptions, EdgeLocation, EdgeMetrics, GeoPoint, OriginServer, ServedRequest } from "./types";

/**
 * A content delivery network: edge locations around the world in front of one origin.
 *
 * For each request:
 *  1. Route: the nearest healthy edge, by great-circle distance from the client, that has served
 *     fewer than maxRequestsPerSecond requests in the current second of the clock. Ties by id. If
 *     no edge qualifies, the origin answers directly (servedBy "origin").
 *  2. Serve: a hit answers from the edge's cache (a SmallLru of cacheItems items). A miss fetches
 *     the item from the origin exactly once, caches it, and answers; a 404 from the origin is
 *     answered and not cached.
 *  3. Prefetch: after a miss, fetch up to prefetchRelated of origin.related(id) that the edge does
 *     not hold, but only into free room: prefetching never evicts.
 *  4. Count, per edge: requests, hits, misses, bytes served, origin fetches (prefetches included),
 *     items prefetched.
 *
 * Routing is the hot path: the bench sends a million requests across 300 edges.
 */
export class Cdn {
  /**
   * @throws CdnError INVALID_EDGE for an empty or duplicate id or a cacheItems /
   *   maxRequestsPerSecond that is not a positive integer; INVALID_COORDINATES for an edge outside
   *   [-90, 90] latitude or [-180, 180] longitude.
   */
  constructor(options: CdnOptions) {
    notImplemented(`new Cdn({ edges: [${String(options.edges.length)} edges], ... })`);
  }

  /**
   * Serves one request. @throws CdnError INVALID_CONTENT_ID for an empty id; INVALID_COORDINATES for
   * a client outside the valid ranges.
   */
  request(contentId: string, client: GeoPoint): ServedRequest {
    return notImplemented(`Cdn.request(${JSON.stringify(contentId)}, ${JSON.stringify(client)})`);
  }

  /** Takes an edge out of routing (false) or back in (true). @throws CdnError UNKNOWN_EDGE */
  setHealthy(edgeId: string, healthy: boolean): void {
    notImplemented(`Cdn.setHealthy(${JSON.stringify(edgeId)}, ${healthy})`);
  }

  /** A copy of an edge's counters. @throws CdnError UNKNOWN_EDGE */
  metrics(edgeId: string): EdgeMetrics {
    return notImplemented(`Cdn.metrics(${JSON.stringify(edgeId)})`);
  }

  /**
   * Healthy edges by distance from `client`, nearest first (ties by id), at most `limit`.
   * @throws CdnError INVALID_COORDINATES for a client outside the valid ranges.
   */
  nearestEdges(client: GeoPoint, limit?: number): { id: string; distanceKm: number }[] {
    return notImplemented(`Cdn.nearestEdges(${JSON.stringify(client)}, ${limit})`);
  }
}
