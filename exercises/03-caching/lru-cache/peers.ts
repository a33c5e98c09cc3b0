/**
 * The npm library most people would use for an LRU, behind this exercise's API, so the bench can
 * run the same workload on it (given code; `kata bench lru-cache` shows the comparison).
 */
import { LRUCache } from "lru-cache";
import type { LruCache } from "./src/lru-cache";

interface Api {
  LruCache: typeof LruCache;
}

// npm's LRUCache takes no null or undefined keys or values: its type parameters say so.
class LruCacheOnNpm<K extends NonNullable<unknown>, V extends NonNullable<unknown>> {
  private readonly cache: LRUCache<K, V>;

  constructor(readonly capacity: number) {
    this.cache = new LRUCache<K, V>({ max: capacity });
  }

  get size(): number {
    return this.cache.size;
  }

  get(key: K): V | undefined {
    return this.cache.get(key);
  }

  peek(key: K): V | undefined {
    return this.cache.peek(key);
  }

  has(key: K): boolean {
    return this.cache.has(key);
  }

  set(key: K, value: V): void {
    this.cache.set(key, value);
  }

  delete(key: K): boolean {
    return this.cache.delete(key);
  }

  keys(): K[] {
    return [...this.cache.keys()];
  }
}

export const npmLruCache = { LruCache: LruCacheOnNpm as unknown as Api["LruCache"] } satisfies Api;
