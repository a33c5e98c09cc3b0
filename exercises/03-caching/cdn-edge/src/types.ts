/** The CDN's vocabulary (given code). */

/** A point on Earth, in degrees. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface EdgeLocation {
  id: string;
  location: GeoPoint;
  /** How many items its cache holds (an LRU). */
  cacheItems: number;
  /** Requests it serves per second of the clock (windows [k*1000, (k+1)*1000) ms); beyond that it is full. */
  maxRequestsPerSecond: number;
}

/** The origin: the source of every item. */
export interface OriginServer {
  /** The item's size in bytes, or undefined if there is no such item (404). */
  fetch(contentId: string): number | undefined;
  /** Items often asked for after this one (the next episode, the page's images). */
  related?(contentId: string): string[];
}

export interface CdnOptions {
  edges: EdgeLocation[];
  origin: OriginServer;
  /** After a miss, prefetch up to this many related items into the edge while it has free room. 0 by default. */
  prefetchRelated?: number;
  /** Milliseconds now; Date.now when omitted. */
  clock?: () => number;
}

export interface ServedRequest {
  status: 200 | 404;
  /** The edge's id, or "origin" when no healthy edge had capacity. */
  servedBy: string;
  cacheHit: boolean;
  bytes: number;
  /** Great-circle distance from the client to whoever served it (0 for the origin, whose place is unknown). */
  distanceKm: number;
}

export interface EdgeMetrics {
  requests: number;
  hits: number;
  misses: number;
  /** Bytes sent to clients. */
  bytesServed: number;
  /** Fetches from the origin, prefetches included. */
  originFetches: number;
  prefetched: number;
}

/** The mean radius of the Earth used for every distance, in km. */
export const EARTH_RADIUS_KM = 6371;
