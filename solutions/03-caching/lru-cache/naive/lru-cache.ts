/**
 * The naive LRU: a Map from key to { value, last use }, and on eviction a scan of every entry for
 * the least recent one. get and set of a present key are O(1); every eviction is O(capacity). On
 * a cache that is full and missing one request in five, that scan is most of the work.
 */
import { CacheError } from "../src/errors";

interface Entry<V> {
  value: V;
  lastUse: number;
}

export class LruCache<K, V> {
  readonly capacity: number;
  private readonly entries = new Map<K, Entry<V>>();
  private clock = 0;

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new CacheError("INVALID_CAPACITY", `capacity must be a positive integer, got ${String(capacity)}`);
    }
    this.capacity = capacity;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    entry.lastUse = ++this.clock;
    return entry.value;
  }

  peek(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      entry.value = value;
      entry.lastUse = ++this.clock;
      return;
    }
    if (this.entries.size === this.capacity) this.entries.delete(this.leastRecent());
    this.entries.set(key, { value, lastUse: ++this.clock });
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  keys(): K[] {
    return [...this.entries].sort((a, b) => b[1].lastUse - a[1].lastUse).map(([key]) => key);
  }

  private leastRecent(): K {
    let oldest: K | undefined;
    let oldestUse = Number.POSITIVE_INFINITY;
    for (const [key, entry] of this.entries) {
      if (entry.lastUse < oldestUse) {
        oldestUse = entry.lastUse;
        oldest = key;
      }
    }
    return oldest as K;
  }
}
