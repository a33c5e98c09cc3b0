import { SmallLru } from "#kata/small-lru";
import { CdnError } from "./errors";
import {
  EARTH_RADIUS_KM,
  type CdnOptions,
  type EdgeLocation,
  type EdgeMetrics,
  type GeoPoint,
  type OriginServer,
  type ServedRequest,
} from "./types";

export type { CdnOptions, EdgeLocation, EdgeMetrics, GeoPoint, OriginServer, ServedRequest } from "./types";

/** A point as a unit vector: great-circle order is dot-product order, with no trigonometry per comparison. */
export interface UnitVector {
  x: number;
  y: number;
  z: number;
}

export function toUnitVector(point: GeoPoint): UnitVector {
  const lat = (point.lat * Math.PI) / 180;
  const lon = (point.lon * Math.PI) / 180;
  return { x: Math.cos(lat) * Math.cos(lon), y: Math.cos(lat) * Math.sin(lon), z: Math.sin(lat) };
}

/** Great-circle distance between two unit vectors, in km (atan2 form: accurate near 0 and near pi). */
export function distanceKm(a: UnitVector, b: UnitVector): number {
  const cx = a.y * b.z - a.z * b.y;
  const cy = a.z * b.x - a.x * b.z;
  const cz = a.x * b.y - a.y * b.x;
  return EARTH_RADIUS_KM * Math.atan2(Math.hypot(cx, cy, cz), a.x * b.x + a.y * b.y + a.z * b.z);
}

export function checkPoint(point: GeoPoint, what: string): void {
  const ok =
    typeof point?.lat === "number" && typeof point.lon === "number" && point.lat >= -90 && point.lat <= 90 && point.lon >= -180 && point.lon <= 180;
  if (!ok) {
    throw new CdnError(
      "INVALID_COORDINATES",
      `${what} needs latitude in [-90, 90] and longitude in [-180, 180] degrees, got ${JSON.stringify(point)}; check the order (lat, lon) and the units`,
    );
  }
}

export class Edge {
  readonly cache: SmallLru<string, number>;
  readonly vector: UnitVector;
  healthy = true;
  window = Number.NEGATIVE_INFINITY;
  servedThisWindow = 0;
  readonly metrics: EdgeMetrics = { requests: 0, hits: 0, misses: 0, bytesServed: 0, originFetches: 0, prefetched: 0 };

  constructor(readonly config: EdgeLocation) {
    this.cache = new SmallLru<string, number>(config.cacheItems);
    this.vector = toUnitVector(config.location);
  }

  hasCapacity(now: number): boolean {
    const window = Math.floor(now / 1000);
    if (window !== this.window) {
      this.window = window;
      this.servedThisWindow = 0;
    }
    return this.servedThisWindow < this.config.maxRequestsPerSecond;
  }
}

/**
 * A CDN: requests go to the nearest healthy edge with capacity this second; the edge answers from
 * its LRU or fetches from the origin once, caches, and answers; related items are prefetched into
 * free room after a miss. Routing compares dot products of unit vectors (the nearest point on a
 * sphere is the one whose vector is most aligned) and converts only the winner's distance to km.
 */
export class Cdn {
  protected readonly edges: Edge[];
  private readonly byId = new Map<string, Edge>();
  private readonly origin: OriginServer;
  private readonly prefetchRelated: number;
  private readonly clock: () => number;
  /** Requests the origin answered itself because no edge could. */
  originDirect = 0;

  constructor(options: CdnOptions) {
    for (const config of options.edges) {
      if (typeof config?.id !== "string" || config.id === "" || this.byId.has(config.id)) {
        throw new CdnError("INVALID_EDGE", `every edge needs a unique, non-empty id; ${JSON.stringify(config?.id)} is ${this.byId.has(config?.id) ? "used twice" : "not one"}`);
      }
      checkPoint(config.location, `edge ${config.id}`);
      for (const field of ["cacheItems", "maxRequestsPerSecond"] as const) {
        if (!Number.isSafeInteger(config[field]) || config[field] < 1) {
          throw new CdnError("INVALID_EDGE", `edge ${config.id}: ${field} must be a positive integer, got ${String(config[field])}`);
        }
      }
      this.byId.set(config.id, new Edge(config));
    }
    this.edges = [...this.byId.values()];
    this.origin = options.origin;
    this.prefetchRelated = options.prefetchRelated ?? 0;
    this.clock = options.clock ?? Date.now;
  }

  request(contentId: string, client: GeoPoint): ServedRequest {
    if (typeof contentId !== "string" || contentId === "") {
      throw new CdnError("INVALID_CONTENT_ID", `content ids are non-empty strings, got ${JSON.stringify(contentId)}`);
    }
    checkPoint(client, "the client");
    const now = this.clock();
    const here = toUnitVector(client);
    const edge = this.nearestWithCapacity(client, here, now);
    if (edge === undefined) {
      this.originDirect++;
      const bytes = this.origin.fetch(contentId);
      return { status: bytes === undefined ? 404 : 200, servedBy: "origin", cacheHit: false, bytes: bytes ?? 0, distanceKm: 0 };
    }
    edge.servedThisWindow++;
    const m = edge.metrics;
    m.requests++;
    const distance = distanceKm(here, edge.vector);
    const cached = edge.cache.get(contentId);
    if (cached !== undefined) {
      m.hits++;
      m.bytesServed += cached;
      return { status: 200, servedBy: edge.config.id, cacheHit: true, bytes: cached, distanceKm: distance };
    }
    m.misses++;
    m.originFetches++;
    const bytes = this.origin.fetch(contentId);
    if (bytes === undefined) return { status: 404, servedBy: edge.config.id, cacheHit: false, bytes: 0, distanceKm: distance };
    edge.cache.set(contentId, bytes);
    m.bytesServed += bytes;
    this.prefetch(edge, contentId);
    return { status: 200, servedBy: edge.config.id, cacheHit: false, bytes, distanceKm: distance };
  }

  setHealthy(edgeId: string, healthy: boolean): void {
    this.edge(edgeId).healthy = healthy;
  }

  metrics(edgeId: string): EdgeMetrics {
    return { ...this.edge(edgeId).metrics };
  }

  /** Healthy edges by distance from `client`, nearest first, ties by id. */
  nearestEdges(client: GeoPoint, limit = Number.POSITIVE_INFINITY): Array<{ id: string; distanceKm: number }> {
    checkPoint(client, "the client");
    const here = toUnitVector(client);
    return this.edges
      .filter((e) => e.healthy)
      .map((e) => ({ id: e.config.id, distanceKm: distanceKm(here, e.vector) }))
      .sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  /** The nearest healthy edge that has capacity this second (ties by id), or undefined. */
  protected nearestWithCapacity(_client: GeoPoint, here: UnitVector, now: number): Edge | undefined {
    let best: Edge | undefined;
    let bestDot = Number.NEGATIVE_INFINITY;
    for (const edge of this.edges) {
      if (!edge.healthy) continue;
      const v = edge.vector;
      const dot = here.x * v.x + here.y * v.y + here.z * v.z;
      if (dot > bestDot || (dot === bestDot && best !== undefined && edge.config.id < best.config.id)) {
        if (!edge.hasCapacity(now)) continue;
        best = edge;
        bestDot = dot;
      }
    }
    return best;
  }

  private prefetch(edge: Edge, contentId: string): void {
    if (this.prefetchRelated === 0 || this.origin.related === undefined) return;
    let fetched = 0;
    for (const related of this.origin.related(contentId)) {
      if (fetched >= this.prefetchRelated || edge.cache.free === 0) return;
      if (edge.cache.has(related)) continue;
      const bytes = this.origin.fetch(related);
      edge.metrics.originFetches++;
      fetched++;
      if (bytes === undefined) continue;
      edge.cache.set(related, bytes);
      edge.metrics.prefetched++;
    }
  }

  private edge(edgeId: string): Edge {
    const edge = this.byId.get(edgeId);
    if (!edge) throw new CdnError("UNKNOWN_EDGE", `no edge "${edgeId}" (edges: ${[...this.byId.keys()].join(", ")})`);
    return edge;
  }
}
