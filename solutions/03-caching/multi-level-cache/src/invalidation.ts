import type { SmallLru } from "#kata/small-lru";
import type { InvalidationBus, InvalidationEvent } from "./infrastructure";

/**
 * Whether an event obliges this node to drop something: a well-formed invalidation written by
 * another node. The writer's own event comes back too; its L1 already holds the new value.
 */
export function isForeignInvalidation(event: InvalidationEvent, nodeId: string): boolean {
  // The type says key is a string; a malformed event on a shared bus may still lack one.
  return typeof event.key === "string" && event.from !== nodeId;
}

/**
 * Keeps `l1` honest: on another node's write, exactly the written key goes (the rest of the L1 is
 * still right, and clearing it would send every hot read down to the L2). Returns the function that
 * stops listening, which close() must call.
 */
export function listenForInvalidations<V>(
  bus: InvalidationBus,
  nodeId: string,
  l1: Pick<SmallLru<string, V>, "delete">,
): () => void {
  return bus.subscribe("cache.invalidate", (event) => {
    if (isForeignInvalidation(event, nodeId)) l1.delete(event.key);
  });
}
