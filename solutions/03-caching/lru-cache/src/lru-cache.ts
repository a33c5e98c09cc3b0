import { CacheError } from "./errors";

const NONE = -1;

/**
 * A least-recently-used cache with O(1) get, set and delete.
 *
 * Entries live in slots: parallel arrays of keys and values, and a doubly linked list of slot
 * numbers in two Int32Arrays (`newer`, `older`), from `newest` to `oldest`. A Map finds a key's
 * slot. Touching an entry relinks three slots; nothing is allocated after the cache fills, and the
 * Map is only written when a key enters or leaves, never on a hit. (Using a Map's own insertion
 * order as the recency list, by delete-then-set on every hit, leaves dead entries in V8's hash
 * table: ~15x slower on a skewed workload. See PEERS.md.)
 */
export class LruCache<K, V> {
  readonly capacity: number;
  private readonly slotOf = new Map<K, number>();
  private readonly slotKeys: Array<K | undefined>;
  private readonly values: Array<V | undefined>;
  private readonly newer: Int32Array;
  private readonly older: Int32Array;
  private newest = NONE;
  private oldest = NONE;
  private used = 0;
  private readonly freed: number[] = [];

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new CacheError("INVALID_CAPACITY", `capacity must be a positive integer, got ${String(capacity)}; a cache that holds nothing is not a cache`);
    }
    this.capacity = capacity;
    this.slotKeys = new Array<K | undefined>(capacity);
    this.values = new Array<V | undefined>(capacity);
    this.newer = new Int32Array(capacity).fill(NONE);
    this.older = new Int32Array(capacity).fill(NONE);
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** The value, and the entry becomes the most recently used. */
  get(key: K): V | undefined {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return undefined;
    this.touch(slot);
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
      this.values[slot] = value;
      this.touch(slot);
      return;
    }
    if (this.slotOf.size === this.capacity) {
      slot = this.oldest;
      this.unlink(slot);
      this.slotOf.delete(this.slotKeys[slot] as K);
    } else {
      slot = this.freed.pop() ?? this.used++;
    }
    this.slotKeys[slot] = key;
    this.values[slot] = value;
    this.slotOf.set(key, slot);
    this.linkNewest(slot);
  }

  delete(key: K): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    this.unlink(slot);
    this.slotOf.delete(key);
    this.slotKeys[slot] = undefined;
    this.values[slot] = undefined; // let the value be collected
    this.freed.push(slot);
    return true;
  }

  /** Keys from the most to the least recently used. */
  keys(): K[] {
    const out: K[] = [];
    for (let slot = this.newest; slot !== NONE; slot = this.older[slot] as number) out.push(this.slotKeys[slot] as K);
    return out;
  }

  private touch(slot: number): void {
    if (slot === this.newest) return;
    this.unlink(slot);
    this.linkNewest(slot);
  }

  private linkNewest(slot: number): void {
    this.newer[slot] = NONE;
    this.older[slot] = this.newest;
    if (this.newest !== NONE) this.newer[this.newest] = slot;
    this.newest = slot;
    if (this.oldest === NONE) this.oldest = slot;
  }

  private unlink(slot: number): void {
    const newer = this.newer[slot] as number;
    const older = this.older[slot] as number;
    if (newer !== NONE) this.older[newer] = older;
    else this.newest = older;
    if (older !== NONE) this.newer[older] = newer;
    else this.oldest = newer;
  }
}
