/**
 * The naive recency order: each slot keeps the time of its last use (a counter), and the least
 * recently used slot is found by scanning every slot's stamp. Adding, touching and removing stay
 * O(1), as in the reference; `oldest()` costs O(capacity), and the cache asks for it on every miss
 * once it is full. With 10,000 entries and one request in five missing, that scan is nearly all of
 * the work, and it grows with the cache: 100x the entries, 100x the cost of every miss. It is the
 * "Map of { value, lastUse }, scan for the oldest on eviction" design, under the reference's slots.
 */
export class RecencyOrder {
  /** When each slot was last used; Infinity for a slot that is not in the order. */
  private readonly lastUse: Float64Array;
  private clock = 0;

  constructor(capacity: number) {
    this.lastUse = new Float64Array(capacity).fill(Number.POSITIVE_INFINITY);
  }

  add(slot: number): void {
    this.lastUse[slot] = ++this.clock;
  }

  touch(slot: number): void {
    this.lastUse[slot] = ++this.clock;
  }

  remove(slot: number): void {
    this.lastUse[slot] = Number.POSITIVE_INFINITY;
  }

  /** The slot with the smallest stamp: a look at every slot. -1 when the order is empty. */
  oldest(): number {
    let oldest = -1;
    let oldestUse = Number.POSITIVE_INFINITY;
    for (let slot = 0; slot < this.lastUse.length; slot++) {
      const use = this.lastUse[slot] as number;
      if (use < oldestUse) {
        oldestUse = use;
        oldest = slot;
      }
    }
    return oldest;
  }

  newestFirst(): number[] {
    const slots: number[] = [];
    this.lastUse.forEach((use, slot) => {
      if (use !== Number.POSITIVE_INFINITY) slots.push(slot);
    });
    return slots.sort((a, b) => (this.lastUse[b] as number) - (this.lastUse[a] as number));
  }
}
