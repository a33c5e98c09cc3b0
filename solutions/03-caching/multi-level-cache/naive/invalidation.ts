/**
 * The naive invalidation: on any write by another node, clear the whole L1 instead of the one key
 * that changed ("flush on write", the broadcast shortcut). Never stale, so every test passes; but
 * with four nodes and one write in ten, each L1 is emptied every few operations, and reads that it
 * would have answered for free fall through to the shared cache and the database.
 */
import type { SmallLru } from "#kata/small-lru";
import type { InvalidationBus } from "../src/infrastructure";
import { isForeignInvalidation } from "../src/invalidation";

export { isForeignInvalidation };

export function listenForInvalidations<V>(
  bus: InvalidationBus,
  nodeId: string,
  l1: Pick<SmallLru<string, V>, "clear">,
): () => void {
  return bus.subscribe("cache.invalidate", (event) => {
    if (isForeignInvalidation(event, nodeId)) l1.clear();
  });
}
