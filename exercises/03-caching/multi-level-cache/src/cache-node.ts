import { notImplemented } from "#kata";
import type { CacheNodeOptions, LevelStats } from "./infrastructure";
// Yours to use: SmallLru from "#kata/small-lru" for the L1, CacheNodeError (./errors).

export type { CacheNodeOptions, InvalidationEvent, LevelStats } from "./infrastructure";
export { Database, SharedCache } from "./infrastructure";

/**
 * One application process's cache: a private L1 (an LRU of l1Capacity entries) in front of the
 * shared L2, in front of the database. Several nodes share one L2, one database and one bus.
 *
 * - get: L1; else L2 (then fill L1); else the database (then fill L2 and L1). "Not found" is not cached.
 * - set / delete: write through to the database and the L2, update this node's L1, and only then
 *   publish { type: "cache.invalidate", key, from: id }, before returning (delete publishes too).
 *   Every other node drops exactly that key from its L1 (the writer ignores its own event). A node
 *   may read the key again inside publish(): the new value must already be in the L2.
 * - The guarantee: once set() or delete() has returned, no node returns the old value.
 */
export class CacheNode<V> {
  readonly id: string;

  /**
   * Subscribes to "cache.invalidate" on options.bus.
   * @throws CacheNodeError INVALID_OPTIONS for an empty id or an l1Capacity that is not a positive integer.
   */
  constructor(options: CacheNodeOptions<V>) {
    this.id = options.id;
    notImplemented("new CacheNode()");
  }

  /** @throws CacheNodeError INVALID_KEY for an empty key. */
  get(key: string): V | undefined {
    return notImplemented(`CacheNode.get(${JSON.stringify(key)})`);
  }

  set(key: string, value: V): void {
    notImplemented(`CacheNode.set(${JSON.stringify(key)}, a ${typeof value})`);
  }

  delete(key: string): void {
    notImplemented(`CacheNode.delete(${JSON.stringify(key)})`);
  }

  /** Where this node's reads were answered, with hit ratios per level. */
  stats(): LevelStats {
    return notImplemented("CacheNode.stats");
  }

  /** Unsubscribes from the bus. */
  close(): void {
    notImplemented("CacheNode.close");
  }
}
