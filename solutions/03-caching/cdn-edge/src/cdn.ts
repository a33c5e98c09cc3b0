import { Edge } from "./edge";
import { nearestWithRoom, rankHealthy } from "./edge-routing";
import { CdnError } from "./errors";
import { checkPoint } from "./geo";
import { fillFromOrigin } from "./origin-fill";
import type { CdnOptions, EdgeMetrics, GeoPoint, OriginServer, ServedRequest } from "./types";

export type { CdnOptions, EdgeLocation, EdgeMetrics, GeoPoint, OriginServer, ServedRequest } from "./types";

/**
 * A CDN: requests go to the nearest healthy edge with room this second (./edge-routing); the edge
 * answers from its LRU, or fetches from the origin once, stores, and answers, then prefetches
 * related items into free room (./origin-fill). Each edge keeps its own capacity window
 * (./second-window) and counters (./edge).
 */
export class Cdn {
  private readonly edges: Edge[];
  private readonly byId = new Map<string, Edge>();
  private readonly origin: OriginServer;
  private readonly prefetchRelated: number;
  private readonly clock: () => number;

  constructor(options: CdnOptions) {
    for (const config of options.edges) {
      if (typeof config?.id !== "string" || config.id === "" || this.byId.has(config.id)) {
        throw new CdnError(
          "INVALID_EDGE",
          `every edge needs a unique, non-empty id; ${JSON.stringify(config?.id)} is ${this.byId.has(config?.id) ? "used twice" : "not one"}`,
        );
      }
      checkPoint(config.location, `edge ${config.id}`);
      for (const field of ["cacheItems", "maxRequestsPerSecond"] as const) {
        if (!Number.isSafeInteger(config[field]) || config[field] < 1) {
          throw new CdnError(
            "INVALID_EDGE",
            `edge ${config.id}: ${field} must be a positive integer, got ${String(config[field])}`,
          );
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
    const route = nearestWithRoom(this.edges, client, now);
    if (route === undefined) {
      const bytes = this.origin.fetch(contentId);
      return {
        status: bytes === undefined ? 404 : 200,
        servedBy: "origin",
        cacheHit: false,
        bytes: bytes ?? 0,
        distanceKm: 0,
      };
    }
    const { edge, distanceKm } = route;
    edge.window.record(now);
    const m = edge.metrics;
    m.requests++;
    const cached = edge.cache.get(contentId);
    if (cached !== undefined) {
      m.hits++;
      m.bytesServed += cached;
      return { status: 200, servedBy: edge.config.id, cacheHit: true, bytes: cached, distanceKm };
    }
    m.misses++;
    const bytes = fillFromOrigin(edge, contentId, this.origin, this.prefetchRelated);
    if (bytes === undefined) return { status: 404, servedBy: edge.config.id, cacheHit: false, bytes: 0, distanceKm };
    m.bytesServed += bytes;
    return { status: 200, servedBy: edge.config.id, cacheHit: false, bytes, distanceKm };
  }

  setHealthy(edgeId: string, healthy: boolean): void {
    this.edge(edgeId).healthy = healthy;
  }

  metrics(edgeId: string): EdgeMetrics {
    return { ...this.edge(edgeId).metrics };
  }

  /** Healthy edges by distance from `client`, nearest first, ties by id. */
  nearestEdges(client: GeoPoint, limit = Number.POSITIVE_INFINITY): { id: string; distanceKm: number }[] {
    checkPoint(client, "the client");
    return rankHealthy(this.edges, client).slice(0, limit);
  }

  private edge(edgeId: string): Edge {
    const edge = this.byId.get(edgeId);
    if (!edge) throw new CdnError("UNKNOWN_EDGE", `no edge "${edgeId}" (edges: ${[...this.byId.keys()].join(", ")})`);
    return edge;
  }
}
