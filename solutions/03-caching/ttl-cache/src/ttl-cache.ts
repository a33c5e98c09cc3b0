import { TtlCacheError } from "./errors";
import { isExpired, type Entry } from "./expiry";
import { ExpiryQueue } from "./expiry-queue";
import type { TtlCacheOptions } from "./options";

export type { TtlCacheOptions } from "./options";

/**
 * A cache whose entries expire. Reads expire lazily (an entry read at or after its expiry instant
 * is deleted and reported missing); `sweep` removes every expired entry without looking at the
 * live ones; `maxSize` evicts the entry closest to expiry.
 *
 * A Map from key to entry holds the cache; the entries' order of expiry is its own module
 * (./expiry-queue, a heap with lazy deletion), and the rules that say when an entry has expired
 * and which of two leaves first are another (./expiry), shared by reads, sweeps and eviction.
 */
export class TtlCache<K, V> {
  readonly defaultTtlMs: number;
  readonly maxSize: number;
  private readonly clock: () => number;
  private readonly entries = new Map<K, Entry<K, V>>();
  private readonly queue = new ExpiryQueue(this.entries);
  private nextSeq = 0;

  constructor(options: TtlCacheOptions) {
    ({ defaultTtlMs: this.defaultTtlMs, maxSize: this.maxSize, clock: this.clock } = checkOptions(options));
  }

  /** Entries held, expired ones included until a read or a sweep removes them. */
  get size(): number {
    return this.entries.size;
  }

  set(key: K, value: V, ttlMs: number = this.defaultTtlMs): void {
    checkTtl(ttlMs, "ttlMs"); // before anything changes: a refused call leaves the old value
    const now = this.clock();
    if (!this.entries.has(key) && this.entries.size >= this.maxSize) this.makeRoom(now);
    const entry = { key, value, expiresAt: now + ttlMs, seq: this.nextSeq++ };
    this.entries.set(key, entry);
    this.queue.added(entry);
  }

  get(key: K): V | undefined {
    return this.live(key)?.value;
  }

  has(key: K): boolean {
    return this.live(key) !== undefined;
  }

  /** Milliseconds until `key` expires, or undefined if it is not (or no longer) cached. */
  ttlRemaining(key: K): number | undefined {
    const entry = this.live(key);
    return entry === undefined ? undefined : entry.expiresAt - this.clock();
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Removes every expired entry, and only those; returns how many. */
  sweep(): number {
    return this.sweepAt(this.clock());
  }

  private sweepAt(now: number): number {
    const expired = this.queue.takeExpired(now);
    for (const entry of expired) this.entries.delete(entry.key);
    return expired.length;
  }

  private live(key: K): Entry<K, V> | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (isExpired(entry, this.clock())) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Full: expired entries go first; if none, the live entry that expires soonest. */
  private makeRoom(now: number): void {
    if (this.sweepAt(now) > 0) return;
    const soonest = this.queue.takeSoonest();
    if (soonest !== undefined) this.entries.delete(soonest.key);
  }
}

/** The options with defaults filled in, or a TtlCacheError naming what is wrong. */
function checkOptions(options: TtlCacheOptions): Required<TtlCacheOptions> {
  const defaultTtlMs = checkTtl(options.defaultTtlMs, "defaultTtlMs");
  const maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
  if (maxSize !== Number.POSITIVE_INFINITY && (!Number.isSafeInteger(maxSize) || maxSize < 1)) {
    throw new TtlCacheError(
      "INVALID_MAX_SIZE",
      `maxSize must be a positive integer, got ${String(maxSize)}; omit it for no bound`,
    );
  }
  return { defaultTtlMs, maxSize, clock: options.clock ?? Date.now };
}

function checkTtl(ttlMs: number, name: string): number {
  // Number.isFinite is false for anything that is not a number, so no separate typeof check.
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new TtlCacheError(
      "INVALID_TTL",
      `${name} must be a positive, finite number of milliseconds, got ${String(ttlMs)}; for "never expires" use a plain cache`,
    );
  }
  return ttlMs;
}
