import { notImplemented } from "#kata";
import type { CacheAsideOptions, CacheAsideStats } from "./options";
// CacheAsideError (./errors) is what invalid options and keys throw.

export type { CacheAsideOptions, CacheAsideStats, Loader } from "./options";

/**
 * A read-through (cache-aside) cache in front of a slow source of truth, such as a user-profile
 * service reading profiles from a database.
 *
 * - A miss loads through `options.load`; the result is cached for ttlMs.
 * - Single flight: while a key's load runs, every get() of that key awaits the same load. A
 *   stampede of 1,000 readers on a key that just expired costs the database one query, not 1,000.
 * - Loads for different keys run concurrently: a burst of misses on 100 keys takes one load's
 *   time, not 100 (the bench measures exactly this).
 * - Errors and "not found" (load resolves to undefined) are not cached unless errorTtlMs /
 *   negativeTtlMs say for how long. Every waiter of a failed load gets its error; after it, the
 *   next get calls the loader again.
 * - invalidate(key) drops the entry; a load that was already running must not put its (possibly
 *   old) value back, and later readers must not join it.
 */
export class CacheAside<V> {
  readonly stats: CacheAsideStats = { hits: 0, misses: 0, loads: 0 };

  /**
   * @throws CacheAsideError INVALID_LOADER if options.load is not a function; INVALID_TTL unless
   *   ttlMs is positive and finite and negativeTtlMs / errorTtlMs (if given) are >= 0 and finite.
   */
  constructor(options: CacheAsideOptions<V>) {
    notImplemented(`new CacheAside({ ttlMs: ${String(options.ttlMs)}, ... })`);
  }

  /** The value (or undefined for "not found"), from the cache when fresh, else from one shared load. */
  get(key: string): Promise<V | undefined> {
    return notImplemented(`CacheAside.get(${JSON.stringify(key)})`);
  }

  /** Drops `key`; a load already running for it is neither cached nor shared with later readers. */
  invalidate(key: string): void {
    notImplemented(`CacheAside.invalidate(${JSON.stringify(key)})`);
  }

  /** Start-up warming: caches known-popular items (for ttlMs) without loading them; returns how many. */
  warm(items: Iterable<readonly [string, V]>): number {
    return notImplemented(`CacheAside.warm(${typeof items})`);
  }

  /**
   * Predictive warming: loads those of `keys` not fresh in the cache (trending items), sharing any
   * load already running. Resolves to how many loads succeeded; never rejects for a failed load.
   */
  prefetch(keys: Iterable<string>): Promise<number> {
    return notImplemented(`CacheAside.prefetch(${typeof keys})`);
  }
}
