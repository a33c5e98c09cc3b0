import { CacheError } from "./errors";
import { RecencyOrder } from "./recency";

/**
 * A least-recently-used cache with O(1) get, set and delete.
 *
 * Entries live in slots: parallel arrays of keys and values indexed by slot number, and a Map
 * from key to slot. The recency order of the slots is its own module (./recency, a doubly linked
 * list in typed arrays). A hit moves its slot to the front of that order and does not touch the
 * Map; the Map is written only when a key enters or leaves, and a new key in a full cache takes
 * over the evicted key's slot, so nothing is allocated once the cache is full.
 *
 * (Using a Map's own insertion order as the recency list, by delete-then-set on every hit, is
 * correct but leaves dead entries in V8's hash table until it rehashes: about 15x slower on a
 * skewed workload, as measured on this workbook's 2-core machine.)
 */
export class LruCache<K, V> {
  readonly capacity: number;
  private readonly slotOf = new Map<K, number>();
  private readonly slotKeys: (K | undefined)[];
  private readonly values: (V | undefined)[];
  private readonly order: RecencyOrder;
  /** Slots handed out so far: below `used`, a slot is in use or in `freed`. */
  private used = 0;
  /** Slots that `delete` emptied, reused before fresh ones so slot numbers stay below capacity. */
  private readonly freed: number[] = [];

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new CacheError(
        "INVALID_CAPACITY",
        `capacity must be a positive integer, got ${String(capacity)}; a cache that holds nothing is not a cache`,
      );
    }
    this.capacity = capacity;
    this.slotKeys = new Array<K | undefined>(capacity);
    this.values = new Array<V | undefined>(capacity);
    this.order = new RecencyOrder(capacity);
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** The value, and the entry becomes the most recently used. */
  get(key: K): V | undefined {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return undefined;
    this.order.touch(slot);
    return this.values[slot];
  }

  /** The value, leaving recency as it is. */
  peek(key: K): V | undefined {
    const slot = this.slotOf.get(key);
    return slot === undefined ? undefined : this.values[slot];
  }

  has(key: K): boolean {
    return this.slotOf.has(key);
  }

  /** Adds or updates; either way the entry becomes the most recent. A full cache drops its oldest first. */
  set(key: K, value: V): void {
    let slot = this.slotOf.get(key);
    if (slot !== undefined) {
      // Present: a new value in place. Nothing may be evicted, however full the cache is.
      this.values[slot] = value;
      this.order.touch(slot);
      return;
    }
    if (this.slotOf.size === this.capacity) {
      slot = this.order.oldest();
      this.order.remove(slot);
      this.slotOf.delete(this.slotKeys[slot] as K);
    } else {
      slot = this.freed.pop() ?? this.used++;
    }
    this.slotKeys[slot] = key;
    this.values[slot] = value;
    this.slotOf.set(key, slot);
    this.order.add(slot);
  }

  delete(key: K): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    this.order.remove(slot);
    this.slotOf.delete(key);
    this.slotKeys[slot] = undefined;
    this.values[slot] = undefined; // let the value be collected
    this.freed.push(slot);
    return true;
  }

  /** Keys from the most to the least recently used. */
  keys(): K[] {
    return this.order.newestFirst().map((slot) => this.slotKeys[slot] as K);
  }
}
