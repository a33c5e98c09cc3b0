/**
 * Leases by when they end: a binary min-heap with lazy deletion. A renewed lease is pushed again
 * with a new ticket; the entry it replaces is dropped when it reaches the top. Expiring everything
 * due costs O(log n) per lease that ends, and nothing for the ones that do not: no sweep over
 * every instance on every request.
 */
export interface Leased {
  expiresAt: number;
  /** Which queue entry is the live one; set by the queue. 0: in no queue (deregistered). */
  ticket: number;
}

interface Entry<T> {
  readonly at: number;
  readonly ticket: number;
  readonly item: T;
}

export class LeaseQueue<T extends Leased> {
  private readonly heap: Entry<T>[] = [];
  private tickets = 0;

  push(item: T): void {
    const entry: Entry<T> = { at: item.expiresAt, ticket: ++this.tickets, item };
    item.ticket = entry.ticket;
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as Entry<T>;
      if (above.at <= entry.at) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = entry;
  }

  /** Removes and returns every live item whose lease ends at or before `now`. */
  takeExpired(now: number, out: T[]): void {
    for (;;) {
      const top = this.heap[0];
      // Wrong: still listed at exactly the expiry instant.
      if (top === undefined || top.at >= now) return;
      this.removeTop();
      if (top.ticket === top.item.ticket) out.push(top.item);
    }
  }

  private removeTop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && (heap[right] as Entry<T>).at < (heap[left] as Entry<T>).at ? right : left;
      const smaller = heap[child] as Entry<T>;
      if (smaller.at >= last.at) break;
      heap[i] = smaller;
      i = child;
    }
    heap[i] = last;
  }
}
