import { CacheAsideError } from "./errors";
import type { CacheAsideOptions, CacheAsideStats, Loader } from "./options";

export type { CacheAsideOptions, CacheAsideStats, Loader } from "./options";

type Cached<V> = { kind: "value"; value: V; expiresAt: number } | { kind: "absent"; expiresAt: number } | { kind: "error"; error: unknown; expiresAt: number };

/**
 * A read-through cache in front of a slow source.
 *
 * - Single flight: the first miss for a key starts one load; every get for that key while it runs
 *   awaits the same promise, so a stampede of N readers costs one load.
 * - Versions: `invalidate` bumps the key's version. A load that started before the bump still
 *   answers its waiters but is not stored: it may carry the value the invalidation replaced (the
 *   race memcache's leases close, Nishtala et al., NSDI 2013).
 * - Policies for the two non-values: "not found" is cached for negativeTtlMs and an error for
 *   errorTtlMs, both 0 (not cached) unless asked for.
 */
export class CacheAside<V> {
  readonly stats: CacheAsideStats = { hits: 0, misses: 0, loads: 0 };
  private readonly load: Loader<V>;
  private readonly ttlMs: number;
  private readonly negativeTtlMs: number;
  private readonly errorTtlMs: number;
  private readonly clock: () => number;
  private readonly entries = new Map<string, Cached<V>>();
  private readonly inFlight = new Map<string, Promise<V | undefined>>();
  private readonly versions = new Map<string, number>();

  constructor(options: CacheAsideOptions<V>) {
    if (typeof options?.load !== "function") {
      throw new CacheAsideError("INVALID_LOADER", "options.load must be a function (key) => Promise<value | undefined> reading the source of truth");
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
      if (cached.kind === "error") return Promise.reject(cached.error);
      return Promise.resolve(cached.kind === "value" ? cached.value : undefined);
    }
    this.stats.misses++;
    return this.inFlight.get(key) ?? this.startLoad(key);
  }

  /**
   * Drops `key`. A load already running for it still answers its waiters, but is not cached and is
   * not shared with later readers: they start a fresh load, which sees the change.
   */
  invalidate(key: string): void {
    checkKey(key);
    this.entries.delete(key);
    this.inFlight.delete(key);
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
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
    const loads = wanted.filter((key) => this.fresh(key) === undefined).map((key) => this.inFlight.get(key) ?? this.startLoad(key));
    const results = await Promise.allSettled(loads);
    return results.filter((r) => r.status === "fulfilled").length;
  }

  /** The single load of `key`; overridable so naive.ts can queue loads. */
  protected startLoad(key: string): Promise<V | undefined> {
    const version = this.versions.get(key) ?? 0;
    this.stats.loads++;
    const flight: Promise<V | undefined> = this.runLoader(key).then(
      (value) => {
        this.finish(key, version, flight, value === undefined ? { kind: "absent", ttl: this.negativeTtlMs } : { kind: "value", value, ttl: this.ttlMs });
        return value;
      },
      (error: unknown) => {
        this.finish(key, version, flight, { kind: "error", error, ttl: this.errorTtlMs });
        throw error;
      },
    );
    this.inFlight.set(key, flight);
    return flight;
  }

  /** Calls the loader; a loader that throws instead of rejecting is treated as rejecting. */
  protected runLoader(key: string): Promise<V | undefined> {
    try {
      return Promise.resolve(this.load(key));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private finish(
    key: string,
    version: number,
    flight: Promise<V | undefined>,
    outcome: { kind: "value"; value: V; ttl: number } | { kind: "absent"; ttl: number } | { kind: "error"; error: unknown; ttl: number },
  ): void {
    if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
    if ((this.versions.get(key) ?? 0) !== version || outcome.ttl === 0) return;
    const expiresAt = this.clock() + outcome.ttl;
    this.entries.set(
      key,
      outcome.kind === "value"
        ? { kind: "value", value: outcome.value, expiresAt }
        : outcome.kind === "absent"
          ? { kind: "absent", expiresAt }
          : { kind: "error", error: outcome.error, expiresAt },
    );
  }

  private fresh(key: string): Cached<V> | undefined {
    const cached = this.entries.get(key);
    if (cached === undefined) return undefined;
    if (cached.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return cached;
  }
}

function checkTtl(ttl: number, name: string, zeroAllowed: boolean): number {
  const ok = typeof ttl === "number" && Number.isFinite(ttl) && (zeroAllowed ? ttl >= 0 : ttl > 0);
  if (!ok) {
    throw new CacheAsideError("INVALID_TTL", `${name} must be a ${zeroAllowed ? "non-negative" : "positive"}, finite number of milliseconds, got ${String(ttl)}`);
  }
  return ttl;
}

function checkKey(key: string): void {
  if (typeof key !== "string" || key === "") throw new CacheAsideError("INVALID_KEY", `keys are non-empty strings, got ${JSON.stringify(key) ?? String(key)}`);
}
