/**
 * Wrong design: the handler drops the key whoever wrote it, its own node included. The writer,
 * whose L1 already holds the new value, throws it away when its own event comes back, and its next
 * read of the key costs an L2 round trip for nothing.
 */
import type { SmallLru } from "#kata/small-lru";
import type { InvalidationBus } from "../../src/infrastructure";

export function listenForInvalidations<V>(
  bus: InvalidationBus,
  _nodeId: string,
  l1: Pick<SmallLru<string, V>, "delete">,
): () => void {
  return bus.subscribe("cache.invalidate", (event) => {
    if (typeof event.key === "string") l1.delete(event.key);
  });
}
