/**
 * The mistake: `set` makes room first and looks for the key afterwards. On a full cache, writing a
 * new value for a key that is already cached evicts the least recently used entry, a live key,
 * and the cache then holds one entry fewer than it could. (For a new key, making room first is
 * what the reference does anyway, so only the present-key case is modelled, without the O(n)
 * search for the oldest key on every insert.)
 */
import { LruCache as Reference } from "../../src/lru-cache";

export class LruCache<K, V> extends Reference<K, V> {
  override set(key: K, value: V): void {
    if (this.size === this.capacity && this.has(key)) this.delete(this.keys().at(-1) as K);
    super.set(key, value);
  }
}
