/** The end of the list, or an empty list: no slot. */
const NONE = -1;

/**
 * The recency order of an LRU's slots (the numbers 0..capacity-1 under which it stores entries),
 * from the most to the least recently used.
 *
 * A doubly linked list of slot numbers, the links kept in two Int32Arrays (`newer`, `older`) with
 * the two ends in `newest` and `oldest`. Adding, moving to the front and removing rewrite at most
 * four links, so every operation is O(1), and nothing is allocated after construction: the list
 * costs two numbers per slot, not an object per entry.
 */
export class RecencyOrder {
  private readonly newer: Int32Array;
  private readonly older: Int32Array;
  private newest = NONE;
  private oldestSlot = NONE;

  constructor(capacity: number) {
    this.newer = new Int32Array(capacity).fill(NONE);
    this.older = new Int32Array(capacity).fill(NONE);
  }

  /** Puts a slot that is not in the order at the front: it is now the most recently used. */
  add(slot: number): void {
    this.newer[slot] = NONE;
    this.older[slot] = this.newest;
    if (this.newest !== NONE) this.newer[this.newest] = slot;
    this.newest = slot;
    if (this.oldestSlot === NONE) this.oldestSlot = slot;
  }

  /** Moves a slot already in the order to the front: it was just used. */
  touch(slot: number): void {
    if (slot === this.newest) return; // the hottest key is hit again and again: nothing to move
    this.remove(slot);
    this.add(slot);
  }

  /** Takes a slot out of the order. */
  remove(slot: number): void {
    const newer = this.newer[slot] as number;
    const older = this.older[slot] as number;
    if (newer !== NONE) this.older[newer] = older;
    else this.newest = older;
    if (older !== NONE) this.newer[older] = newer;
    else this.oldestSlot = newer;
  }

  /** The least recently used slot, the one to evict; -1 when the order is empty. */
  oldest(): number {
    return this.oldestSlot;
  }

  /** Every slot in the order, from the most to the least recently used. O(n). */
  newestFirst(): number[] {
    const out: number[] = [];
    for (let slot = this.newest; slot !== NONE; slot = this.older[slot] as number) out.push(slot);
    return out;
  }
}
