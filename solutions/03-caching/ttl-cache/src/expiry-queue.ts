import { expiresSooner, isExpired, stillCurrent, type Entry } from "./expiry";

/**
 * The cache's entries in order of expiry, to answer two questions without looking at every entry:
 * which entries have expired (a sweep), and which live entry expires soonest (making room).
 *
 * A binary min-heap ordered by (expiresAt, seq). Renewing or deleting a key does not search the
 * heap: its old entry stays there and is skipped when it surfaces, because the cache's Map no
 * longer holds that very object ("lazy deletion"). So taking k expired entries costs O(k log n)
 * (stale items included), taking the soonest O(log n) amortised, where a scan would cost O(n). The
 * heap is rebuilt from the Map when stale items outnumber live ones, which keeps it within about
 * twice the cache's size however often keys are renewed.
 */
export class ExpiryQueue<K, V> {
  private heap: Entry<K, V>[] = [];

  /** @param entries the cache's Map, read (never written) to tell current entries from replaced ones. */
  constructor(private readonly entries: ReadonlyMap<K, Entry<K, V>>) {}

  /** The cache has just stored `entry` (a new key, or a renewal: the old entry becomes stale). */
  added(entry: Entry<K, V>): void {
    this.push(entry);
    if (this.heap.length > 2 * this.entries.size + 64) this.rebuild();
  }

  /** Removes from the queue, and returns, every current entry expired at `now`. The cache deletes them. */
  takeExpired(now: number): Entry<K, V>[] {
    const expired: Entry<K, V>[] = [];
    while (this.heap.length > 0 && isExpired(this.heap[0] as Entry<K, V>, now)) {
      const entry = this.pop();
      if (stillCurrent(this.entries, entry)) expired.push(entry);
    }
    return expired;
  }

  /** Removes from the queue, and returns, the current entry that leaves first; undefined if none. */
  takeSoonest(): Entry<K, V> | undefined {
    while (this.heap.length > 0) {
      const entry = this.pop();
      if (stillCurrent(this.entries, entry)) return entry;
    }
    return undefined;
  }

  /** A sorted array is a valid heap: the current entries only, in the order they leave. */
  private rebuild(): void {
    this.heap = [...this.entries.values()].sort((a, b) => (expiresSooner(a, b) ? -1 : 1));
  }

  private push(entry: Entry<K, V>): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!expiresSooner(entry, heap[parent] as Entry<K, V>)) break;
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
        const child =
          right < heap.length && expiresSooner(heap[right] as Entry<K, V>, heap[left] as Entry<K, V>) ? right : left;
        if (!expiresSooner(heap[child] as Entry<K, V>, last)) break;
        heap[i] = heap[child] as Entry<K, V>;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
