/**
 * The naive node: on any invalidation from another node it clears its whole L1, instead of the
 * one key that changed ("flush on write", the broadcast shortcut). Never stale, so every test
 * passes; but with four nodes and one write in ten, each L1 is emptied several times a second's
 * worth of reads, and reads fall through to the shared cache and the database.
 */
import { CacheNode as ReferenceCacheNode, type InvalidationEvent } from "../src/cache-node";

export { Database, SharedCache } from "../src/cache-node";
export type { CacheNodeOptions, InvalidationEvent, LevelStats } from "../src/cache-node";

export class CacheNode<V> extends ReferenceCacheNode<V> {
  protected override onInvalidate(event: InvalidationEvent): void {
    if (typeof event?.key !== "string" || event.from === this.id) return;
    this.l1.clear();
  }
}
