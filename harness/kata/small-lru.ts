/**
 * A small least-recently-used map, for exercises that need a bounded cache as a part rather than
 * as the lesson (a CDN edge's cache, a process's L1), imported as `#kata/small-lru`. A Map in
 * insertion order serves as the recency list: fine for a few thousand entries. For a large hot
 * cache, build the O(1) structure of the lru-cache exercise; its README explains the difference.
 */
export class SmallLru<K, V> {
  private readonly items = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.items.size;
  }

  /** Places left before the next set evicts. */
  get free(): number {
    return this.capacity - this.items.size;
  }

  has(key: K): boolean {
    return this.items.has(key);
  }

  /** The value, refreshing its recency, or undefined. */
  get(key: K): V | undefined {
    if (!this.items.has(key)) return undefined;
    const value = this.items.get(key) as V;
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }

  /** Stores a value as the most recent, evicting the least recently used entry if full. */
  set(key: K, value: V): void {
    this.items.delete(key);
    if (this.items.size >= this.capacity) this.items.delete(this.items.keys().next().value as K);
    this.items.set(key, value);
  }

  delete(key: K): boolean {
    return this.items.delete(key);
  }

  clear(): void {
    this.items.clear();
  }
}
