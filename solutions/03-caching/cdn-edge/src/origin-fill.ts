/**
 * An edge's miss: one fetch from the origin, and the related items worth having next.
 */
import type { Edge } from "./edge";
import type { OriginServer } from "./types";

/**
 * Fetches a missed item once and stores it, then prefetches: in that order, so prefetching fills
 * only the room the item left, and never makes storing the item evict. A 404 is answered, not
 * stored. Returns the item's size, or undefined for a 404.
 */
export function fillFromOrigin(
  edge: Edge,
  contentId: string,
  origin: OriginServer,
  prefetchLimit: number,
): number | undefined {
  edge.metrics.originFetches++;
  const bytes = origin.fetch(contentId);
  if (bytes === undefined) return undefined;
  edge.cache.set(contentId, bytes);
  prefetchRelated(edge, contentId, origin, prefetchLimit);
  return bytes;
}

/** Up to `limit` of the item's related items the edge lacks, and only into free room: a prefetch never evicts. */
export function prefetchRelated(edge: Edge, contentId: string, origin: OriginServer, limit: number): void {
  if (limit === 0 || origin.related === undefined) return;
  let fetched = 0;
  for (const related of origin.related(contentId)) {
    if (fetched >= limit || edge.cache.free === 0) return;
    if (edge.cache.has(related)) continue;
    const bytes = origin.fetch(related);
    edge.metrics.originFetches++;
    fetched++;
    if (bytes === undefined) continue;
    edge.cache.set(related, bytes);
    edge.metrics.prefetched++;
  }
}
