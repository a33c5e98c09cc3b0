/**
 * The mistake: `set` on a present key writes the new value in place and leaves the entry where it
 * was in the recency order, so a key just written is evicted next if it was the oldest. (Modelled
 * on the reference by putting the order back as it was after the update.)
 */
import { LruCache as Reference } from "../../src/lru-cache";

export class LruCache<K, V> extends Reference<K, V> {
  override set(key: K, value: V): void {
    if (!this.has(key)) return super.set(key, value);
    const before = this.keys();
    super.set(key, value);
    for (let i = before.length - 1; i >= 0; i--) this.get(before[i] as K); // oldest first: the old order again
  }
}
