/** The read-through cache's options and statistics (given code). */

/** Reads the source of truth. `undefined` means "there is no such item". */
export type Loader<V> = (key: string) => Promise<V | undefined>;

export interface CacheAsideOptions<V> {
  load: Loader<V>;
  /** How long a loaded value is served from the cache, in ms: positive and finite. */
  ttlMs: number;
  /** How long "not found" is cached (negative caching); 0, the default, caches nothing. */
  negativeTtlMs?: number;
  /** How long a loader error is cached and rethrown without calling the loader; 0, the default, caches nothing. */
  errorTtlMs?: number;
  /** Milliseconds now; Date.now when omitted. */
  clock?: () => number;
}

export interface CacheAsideStats {
  /** get() answered from the cache (values, cached "not found" and cached errors alike). */
  hits: number;
  /** get() that found nothing fresh in the cache. */
  misses: number;
  /** Calls made to the loader. */
  loads: number;
}
