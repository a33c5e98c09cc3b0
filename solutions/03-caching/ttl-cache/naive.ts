/**
 * The naive TTL cache: a Map of { value, expiresAt, seq } and nothing else. Reads expire lazily
 * as the reference's do, but `sweep` looks at every entry, and making room in a full cache scans
 * every entry for the one that expires soonest: O(n) where the reference pays O(log n).
 */
import { checkOptions, checkTtl } from "./ttl-cache";
import type { TtlCacheOptions } from "../../../exercises/03-caching/ttl-cache/src/options";

export type { TtlCacheOptions } from "../../../exercises/03-caching/ttl-cache/src/options";

interface Entry<V> {
  value: V;
  expiresAt: number;
  seq: number;
}

export class TtlCache<K, V> {
  readonly defaultTtlMs: number;
  readonly maxSize: number;
  private readonly clock: () => number;
  private readonly entries = new Map<K, Entry<V>>();
  private nextSeq = 0;

  constructor(options: TtlCacheOptions) {
    ({ defaultTtlMs: this.defaultTtlMs, maxSize: this.maxSize, clock: this.clock } = checkOptions(options));
  }

  get size(): number {
    return this.entries.size;
  }

  set(key: K, value: V, ttlMs: number = this.defaultTtlMs): void {
    checkTtl(ttlMs, "ttlMs");
    const now = this.clock();
    if (!this.entries.has(key) && this.entries.size >= this.maxSize && this.sweep() === 0) {
      let soonest: K | undefined;
      let best: Entry<V> | undefined;
      for (const [k, e] of this.entries) {
        if (!best || e.expiresAt < best.expiresAt || (e.expiresAt === best.expiresAt && e.seq < best.seq)) {
          best = e;
          soonest = k;
        }
      }
      this.entries.delete(soonest as K);
    }
    this.entries.set(key, { value, expiresAt: now + ttlMs, seq: this.nextSeq++ });
  }

  get(key: K): V | undefined {
    return this.live(key)?.value;
  }

  has(key: K): boolean {
    return this.live(key) !== undefined;
  }

  ttlRemaining(key: K): number | undefined {
    const entry = this.live(key);
    return entry === undefined ? undefined : entry.expiresAt - this.clock();
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  sweep(): number {
    const now = this.clock();
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
        removed++;
      }
    }
    return removed;
  }

  private live(key: K): Entry<V> | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

