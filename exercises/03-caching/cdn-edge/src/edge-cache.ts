/**
 * An edge's cache of item sizes, least recently used out first (given code). A Map in insertion
 * order serves as the recency list: fine for an edge of a few hundred items; for large caches
 * build the O(1) structure of the lru-cache exercise instead (its README explains why).
 */
export class EdgeCache {
  private readonly items = new Map<string, number>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.size;
  }

  get free(): number {
    return this.capacity - this.items.size;
  }

  has(contentId: string): boolean {
    return this.items.has(contentId);
  }

  /** The item's size, refreshing its recency, or undefined. */
  get(contentId: string): number | undefined {
    const bytes = this.items.get(contentId);
    if (bytes === undefined) return undefined;
    this.items.delete(contentId);
    this.items.set(contentId, bytes);
    return bytes;
  }

  /** Stores an item, evicting the least recently used one if full. */
  set(contentId: string, bytes: number): void {
    this.items.delete(contentId);
    if (this.items.size >= this.capacity) this.items.delete(this.items.keys().next().value as string);
    this.items.set(contentId, bytes);
  }
}
