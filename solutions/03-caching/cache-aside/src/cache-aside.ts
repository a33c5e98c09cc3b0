import { isFresh, replay, type Cached } from "./cache-entry";
import { CacheAsideError } from "./errors";
import { KeyVersions } from "./key-versions";
import type { CacheAsideOptions, CacheAsideStats, Loader } from "./options";
import { SingleFlight } from "./single-flight";

export type { CacheAsideOptions, CacheAsideStats, Loader } from "./options";

/**
 * A read-through cache in front of a slow source.
 *
 * - Single flight (./single-flight): the first miss for a key starts one load; every get of that
 *   key while it runs awaits the same promise, so a stampede of N readers costs one load. Loads of
 *   different keys run side by side.
 * - Versions (./key-versions): `invalidate` bumps the key's version. A load that started before
 *   the bump still answers its waiters but is not stored: it may carry the value the invalidation
 *   replaced (the race memcache's leases close).
 * - Policies for the two non-values (./cache-entry): "not found" is cached for negativeTtlMs and
 *   an error for errorTtlMs, both 0 (not cached) unless asked for.
 */
export class CacheAside<V> {
  readonly stats: CacheAsideStats = { hits: 0, misses: 0, loads: 0 };
  private readonly load: Loader<V>;
  private readonly ttlMs: number;
  private readonly negativeTtlMs: number;
  private readonly errorTtlMs: number;
  private readonly clock: () => number;
  private readonly entries = new Map<string, Cached<V>>();
  private readonly flights = new SingleFlight<V | undefined>();
  private readonly versions = new KeyVersions();

  constructor(options: CacheAsideOptions<V>) {
    if (typeof options?.load !== "function") {
      throw new CacheAsideError(
        "INVALID_LOADER",
        "options.load must be a function (key) => Promise<value | undefined> reading the source of truth",
      );
    }
    this.load = options.load;
    this.ttlMs = checkTtl(options.ttlMs, "ttlMs", false);
    this.negativeTtlMs = checkTtl(options.negativeTtlMs ?? 0, "negativeTtlMs", true);
    this.errorTtlMs = checkTtl(options.errorTtlMs ?? 0, "errorTtlMs", true);
    this.clock = options.clock ?? Date.now;
  }

  /** The value for `key`: from the cache when fresh, else from one shared load. */
  get(key: string): Promise<V | undefined> {
    checkKey(key);
    const cached = this.fresh(key);
    if (cached !== undefined) {
      this.stats.hits++;
      return replay(cached);
    }
    this.stats.misses++;
    return this.sharedLoad(key);
  }

  /**
   * Drops `key`. A load already running for it still answers its waiters, but is not cached and is
   * not shared with later readers: they start a fresh load, which sees the change.
   */
  invalidate(key: string): void {
    checkKey(key);
    this.entries.delete(key);
    this.versions.bump(key);
    this.flights.forget(key);
  }

  /** Start-up warming: stores known-popular items without loading them. Returns how many. */
  warm(items: Iterable<readonly [string, V]>): number {
    const list = [...items];
    for (const [key] of list) checkKey(key);
    const expiresAt = this.clock() + this.ttlMs;
    for (const [key, value] of list) this.entries.set(key, { kind: "value", value, expiresAt });
    return list.length;
  }

  /**
   * Predictive warming: loads those of `keys` that are not fresh in the cache (trending items,
   * say), through the same single flight as get(). Resolves to how many it loaded; a failed load
   * is not counted and does not reject.
   */
  async prefetch(keys: Iterable<string>): Promise<number> {
    const wanted = [...new Set(keys)];
    for (const key of wanted) checkKey(key);
    const loads = wanted.filter((key) => this.fresh(key) === undefined).map((key) => this.sharedLoad(key));
    const results = await Promise.allSettled(loads);
    return results.filter((r) => r.status === "fulfilled").length;
  }

  /**
   * The running load of `key`, or a new one. The version is read when the load is asked for: an
   * invalidation from then on overtakes it, even if the load itself starts later.
   */
  private sharedLoad(key: string): Promise<V | undefined> {
    const version = this.versions.current(key);
    return this.flights.share(key, () => this.loadAndStore(key, version));
  }

  /** One call to the loader; its outcome is stored by policy unless an invalidation overtook it. */
  private loadAndStore(key: string, version: number): Promise<V | undefined> {
    this.stats.loads++;
    return callLoader(this.load, key).then(
      (value) => {
        if (value === undefined)
          this.store(key, version, this.negativeTtlMs, (expiresAt) => ({ kind: "absent", expiresAt }));
        else this.store(key, version, this.ttlMs, (expiresAt) => ({ kind: "value", value, expiresAt }));
        return value;
      },
      (error: unknown) => {
        this.store(key, version, this.errorTtlMs, (expiresAt) => ({ kind: "error", error, expiresAt }));
        throw error;
      },
    );
  }

  private store(key: string, version: number, ttl: number, entry: (expiresAt: number) => Cached<V>): void {
    if (ttl === 0 || this.versions.current(key) !== version) return;
    this.entries.set(key, entry(this.clock() + ttl));
  }

  private fresh(key: string): Cached<V> | undefined {
    const cached = this.entries.get(key);
    if (cached === undefined) return undefined;
    if (!isFresh(cached, this.clock())) {
      this.entries.delete(key);
      return undefined;
    }
    return cached;
  }
}

/** Calls the loader; a loader that throws instead of rejecting is treated as rejecting. */
function callLoader<V>(load: Loader<V>, key: string): Promise<V | undefined> {
  try {
    return Promise.resolve(load(key));
  } catch (error) {
    return Promise.reject(error);
  }
}

function checkTtl(ttl: number, name: string, zeroAllowed: boolean): number {
  const ok = Number.isFinite(ttl) && (zeroAllowed ? ttl >= 0 : ttl > 0);
  if (!ok) {
    throw new CacheAsideError(
      "INVALID_TTL",
      `${name} must be a ${zeroAllowed ? "non-negative" : "positive"}, finite number of milliseconds, got ${String(ttl)}`,
    );
  }
  return ttl;
}

function checkKey(key: string): void {
  if (typeof key !== "string" || key === "")
    throw new CacheAsideError("INVALID_KEY", `keys are non-empty strings, got ${JSON.stringify(key) ?? String(key)}`);
}
