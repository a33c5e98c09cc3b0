import { notImplemented } from "#kata";
// CacheError (./errors) is what a bad capacity throws.

/**
 * A least-recently-used cache: it holds at most `capacity` entries, and when a new key arrives at
 * a full cache, the entry used longest ago leaves. This is the eviction policy of a CDN edge's
 * memory, of memcached's slabs and of most in-process caches.
 *
 * Every operation must be O(1): the bench runs a million of them, on caches of up to 100,000
 * entries, and compares how much speed you keep as the cache grows.
 *
 * "Used" means `get` or `set`. `peek`, `has` and `keys` look without using.
 */
export class LruCache<K, V> {
  /** The most entries the cache holds. */
  readonly capacity: number;

  /** @throws CacheError INVALID_CAPACITY unless capacity is a positive integer (0, -1, 2.5, NaN, Infinity). */
  constructor(capacity: number) {
    this.capacity = capacity;
    notImplemented("new LruCache()");
  }

  /** How many entries the cache holds now. */
  get size(): number {
    return notImplemented("LruCache.size");
  }

  /** The value for `key`, or undefined; a hit makes the entry the most recently used. */
  get(key: K): V | undefined {
    return notImplemented(`LruCache.get(${String(key)})`);
  }

  /** The value for `key`, or undefined, without changing recency. */
  peek(key: K): V | undefined {
    return notImplemented(`LruCache.peek(${String(key)})`);
  }

  /** Whether `key` is cached, without changing recency. */
  has(key: K): boolean {
    return notImplemented(`LruCache.has(${String(key)})`);
  }

  /**
   * Adds `key`, or updates its value in place; either way it becomes the most recently used. Adding
   * to a full cache first removes the least recently used entry.
   */
  set(key: K, value: V): void {
    notImplemented(`LruCache.set(${String(key)}, ...)`);
  }

  /** Removes `key`; true if it was there. */
  delete(key: K): boolean {
    return notImplemented(`LruCache.delete(${String(key)})`);
  }

  /** Every key, from the most to the least recently used: the eviction order, reversed. */
  keys(): K[] {
    return notImplemented("LruCache.keys");
  }
}
