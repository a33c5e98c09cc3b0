/**
 * The mistake: `get` finds the value but leaves the entry where it was in the recency order, so a
 * key read a moment ago is evicted as if it had never been used: the cache is FIFO, not LRU.
 */
import { LruCache as Reference } from "../../src/lru-cache";

export class LruCache<K, V> extends Reference<K, V> {
  override get(key: K): V | undefined {
    return this.peek(key);
  }
}
