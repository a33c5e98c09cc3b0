/**
 * The mistake: `set` clears the key's old entry first (to start afresh) and checks the TTL after.
 * A call refused with INVALID_TTL has already thrown the old value away.
 */
import { TtlCache as Reference } from "../../src/ttl-cache";

export type { TtlCacheOptions } from "../../src/ttl-cache";

export class TtlCache<K, V> extends Reference<K, V> {
  override set(key: K, value: V, ttlMs: number = this.defaultTtlMs): void {
    this.delete(key);
    super.set(key, value, ttlMs);
  }
}
