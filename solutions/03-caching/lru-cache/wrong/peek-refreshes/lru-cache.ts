/**
 * The mistake: `peek` is written as `get`, so looking at an entry (a monitoring page, a `has`
 * check before a write) counts as a use and keeps it in the cache.
 */
import { LruCache as Reference } from "../../src/lru-cache";

export class LruCache<K, V> extends Reference<K, V> {
  override peek(key: K): V | undefined {
    return this.get(key);
  }
}
