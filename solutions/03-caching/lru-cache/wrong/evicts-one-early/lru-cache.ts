/**
 * The mistake: an off-by-one at the capacity. `set` inserts, then evicts while `size >= capacity`
 * (instead of making room only when a new key arrives at a cache holding `capacity` entries), so
 * the cache never holds more than capacity - 1 entries, and a cache of one holds nothing.
 */
import { LruCache as Reference } from "../../src/lru-cache";

/** A key no caller has: setting it into the full cache makes the reference evict its oldest, in O(1). */
const EVICTOR = Symbol("evicts the oldest entry");

export class LruCache<K, V> extends Reference<K, V> {
  override set(key: K, value: V): void {
    super.set(key, value);
    if (this.size >= this.capacity) {
      super.set(EVICTOR as K, value);
      this.delete(EVICTOR as K);
    }
  }
}
