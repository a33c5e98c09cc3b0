import { TtlCacheError } from "./errors";
import type { TtlCacheOptions } from "./options";

export type { TtlCacheOptions } from "./options";

export interface Entry<K, V> {
  key: K;
  value: V;
  expiresAt: number;
  /** Order of setting: among entries that expire at the same instant, the first set goes first. */
  seq: number;
}

function sooner<K, V>(a: Entry<K, V>, b: Entry<K, V>): boolean {
  return a.expiresAt < b.expiresAt || (a.expiresAt === b.expiresAt && a.seq < b.seq);
}

/**
 * A cache whose entries expire. Reads expire lazily (an entry read at or after its expiry instant
 * is deleted and reported missing); `sweep` removes every expired entry without looking at the
 * live ones; `maxSize` evicts the entry closest to expiry.
 *
 * Beside the Map of entries, a binary min-heap orders entries by expiry. Updating or deleting an
 * entry does not search the heap: the old heap item simply no longer matches the Map's entry and is
 * skipped when it surfaces ("lazy deletion"). So sweep costs O(expired x log n) and eviction
 * O(log n) amortised, where a scan of every entry would cost O(n) each time. The heap is rebuilt
 * when stale items outnumber live ones, which keeps its size within twice the cache's.
 */
export class TtlCache<K, V> {
  readonly defaultTtlMs: number;
  readonly maxSize: number;
  protected readonly clock: () => number;
  protected readonly entries = new Map<K, Entry<K, V>>();
  private heap: Array<Entry<K, V>> = [];
  private nextSeq = 0;

  constructor(options: TtlCacheOptions) {
    ({ defaultTtlMs: this.defaultTtlMs, maxSize: this.maxSize, clock: this.clock } = checkOptions(options));
  }

  /** Entries held, expired ones included until a read or a sweep removes them. */
  get size(): number {
    return this.entries.size;
  }

  set(key: K, value: V, ttlMs: number = this.defaultTtlMs): void {
    checkTtl(ttlMs, "ttlMs");
    const now = this.clock();
    if (!this.entries.has(key) && this.entries.size >= this.maxSize) this.makeRoom(now);
    const entry = { key, value, expiresAt: now + ttlMs, seq: this.nextSeq++ };
    this.entries.set(key, entry);
    this.push(entry);
    if (this.heap.length > 2 * this.entries.size + 64) this.rebuildHeap();
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
    const now = this.clock();
    let removed = 0;
    while (this.heap.length > 0 && (this.heap[0] as Entry<K, V>).expiresAt <= now) {
      const entry = this.pop();
      if (this.entries.get(entry.key) === entry) {
        this.entries.delete(entry.key);
        removed++;
      }
    }
    return removed;
  }

  private live(key: K): Entry<K, V> | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Full: expired entries go first; if none, the live entry that expires soonest. */
  protected makeRoom(now: number): void {
    if (this.heap.length > 0 && (this.heap[0] as Entry<K, V>).expiresAt <= now && this.sweep() > 0) return;
    while (this.heap.length > 0) {
      const entry = this.pop();
      if (this.entries.get(entry.key) === entry) {
        this.entries.delete(entry.key);
        return;
      }
    }
  }

  private rebuildHeap(): void {
    this.heap = [...this.entries.values()].sort((a, b) => a.expiresAt - b.expiresAt || a.seq - b.seq);
  }

  private push(entry: Entry<K, V>): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!sooner(entry, heap[parent] as Entry<K, V>)) break;
      heap[i] = heap[parent] as Entry<K, V>;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): Entry<K, V> {
    const heap = this.heap;
    const top = heap[0] as Entry<K, V>;
    const last = heap.pop() as Entry<K, V>;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && sooner(heap[right] as Entry<K, V>, heap[left] as Entry<K, V>) ? right : left;
        if (!sooner(heap[child] as Entry<K, V>, last)) break;
        heap[i] = heap[child] as Entry<K, V>;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

/** The options with defaults filled in, or a TtlCacheError naming what is wrong. */
export function checkOptions(options: TtlCacheOptions): Required<TtlCacheOptions> {
  const defaultTtlMs = checkTtl(options.defaultTtlMs, "defaultTtlMs");
  const maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
  if (maxSize !== Number.POSITIVE_INFINITY && (!Number.isSafeInteger(maxSize) || maxSize < 1)) {
    throw new TtlCacheError("INVALID_MAX_SIZE", `maxSize must be a positive integer, got ${String(maxSize)}; omit it for no bound`);
  }
  return { defaultTtlMs, maxSize, clock: options.clock ?? Date.now };
}

export function checkTtl(ttlMs: number, name: string): number {
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new TtlCacheError("INVALID_TTL", `${name} must be a positive, finite number of milliseconds, got ${String(ttlMs)}; for "never expires" use a plain cache`);
  }
  return ttlMs;
}
