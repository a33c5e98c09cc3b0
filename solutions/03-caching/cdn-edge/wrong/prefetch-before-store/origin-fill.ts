/**
 * Wrong design: after the origin fetch, related items are prefetched first and the requested item
 * stored last. Prefetching fills the free room, so storing the item the client asked for evicts
 * (a prefetch evicts after all, one step removed).
 */
import { prefetchRelated } from "../../src/origin-fill";
import type { Edge } from "../../src/edge";
import type { OriginServer } from "../../src/types";

export { prefetchRelated };

export function fillFromOrigin(
  edge: Edge,
  contentId: string,
  origin: OriginServer,
  prefetchLimit: number,
): number | undefined {
  edge.metrics.originFetches++;
  const bytes = origin.fetch(contentId);
  if (bytes === undefined) return undefined;
  prefetchRelated(edge, contentId, origin, prefetchLimit);
  edge.cache.set(contentId, bytes);
  return bytes;
}
