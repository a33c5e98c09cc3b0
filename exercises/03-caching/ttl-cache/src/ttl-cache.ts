import { notImplemented } from "#kata";
import type { TtlCacheOptions } from "./options";
// TtlCacheError (./errors) is what invalid TTLs and sizes throw.

export type { TtlCacheOptions } from "./options";

/**
 * A cache whose entries expire: the session store, the DNS cache, the user profile that is fresh
 * for 60 seconds. Each entry lives from `set` until `set time + ttl`; at that instant and after, it
 * is gone.
 *
 * Expiry is lazy: nothing runs in the background. A read (`get`, `has`, `ttlRemaining`) of an
 * expired entry deletes it and reports it missing; `sweep()` removes every expired entry at once,
 * and only those. Until then an expired entry still counts in `size`.
 *
 * The bench runs a million operations on caches of tens of thousands of entries, with a sweep
 * every few operations and a full cache evicting on every new key: neither may scan all entries.
 */
export class TtlCache<K, V> {
  readonly defaultTtlMs: number;
  /** Infinity when the options set no bound. */
  readonly maxSize: number;

  /**
   * @throws TtlCacheError INVALID_TTL unless defaultTtlMs is a positive, finite number;
   *   INVALID_MAX_SIZE unless maxSize is omitted or a positive integer.
   */
  constructor(options: TtlCacheOptions) {
    this.defaultTtlMs = options.defaultTtlMs;
    this.maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
    notImplemented("new TtlCache()");
  }

  /** Entries held, expired ones included until a read or a sweep removes them. */
  get size(): number {
    return notImplemented("TtlCache.size");
  }

  /**
   * Stores `value` until now + ttlMs (a new TTL for a key already there). A full cache first drops
   * expired entries; if there are none, the entry that expires soonest (the one set first, on a tie).
   * @throws TtlCacheError INVALID_TTL unless ttlMs is a positive, finite number; the cache is unchanged.
   */
  set(key: K, value: V, ttlMs: number = this.defaultTtlMs): void {
    notImplemented(`TtlCache.set(${String(key)}, ..., ${ttlMs})`);
  }

  /** The value, or undefined if absent or expired (an expired entry is deleted). */
  get(key: K): V | undefined {
    return notImplemented(`TtlCache.get(${String(key)})`);
  }

  has(key: K): boolean {
    return notImplemented(`TtlCache.has(${String(key)})`);
  }

  /** Milliseconds until `key` expires, or undefined if it is absent or expired. */
  ttlRemaining(key: K): number | undefined {
    return notImplemented(`TtlCache.ttlRemaining(${String(key)})`);
  }

  delete(key: K): boolean {
    return notImplemented(`TtlCache.delete(${String(key)})`);
  }

  /** Removes every expired entry, and only those; returns how many it removed. */
  sweep(): number {
    return notImplemented("TtlCache.sweep");
  }
}
