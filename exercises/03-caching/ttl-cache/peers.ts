/**
 * The npm library people reach for, behind this exercise's API (given code): @isaacs/ttlcache,
 * which also evicts the soonest-to-expire entry when full. It keeps its own clock
 * (performance.now), so it only runs the bench's workloads that use the real clock.
 */
import { TTLCache } from "@isaacs/ttlcache";
import type { TtlCache, TtlCacheOptions } from "./src/ttl-cache";

interface Api {
  TtlCache: typeof TtlCache;
}

class TtlCacheOnNpm<K, V> {
  readonly defaultTtlMs: number;
  readonly maxSize: number;
  private readonly cache: TTLCache<K, V>;

  constructor(options: TtlCacheOptions) {
    this.defaultTtlMs = options.defaultTtlMs;
    this.maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
    this.cache = new TTLCache<K, V>({ ttl: options.defaultTtlMs, max: this.maxSize });
  }

  get size(): number {
    return this.cache.size;
  }

  set(key: K, value: V, ttlMs: number = this.defaultTtlMs): void {
    this.cache.set(key, value, { ttl: ttlMs });
  }

  get(key: K): V | undefined {
    return this.cache.get(key);
  }

  has(key: K): boolean {
    return this.cache.has(key);
  }

  ttlRemaining(key: K): number | undefined {
    return this.cache.has(key) ? this.cache.getRemainingTTL(key) : undefined;
  }

  delete(key: K): boolean {
    return this.cache.delete(key);
  }

  sweep(): number {
    const before = this.cache.size;
    this.cache.purgeStale();
    return before - this.cache.size;
  }
}

export const npmTtlCache = { TtlCache: TtlCacheOnNpm as unknown as Api["TtlCache"] } satisfies Api;
