/**
 * The unfinished sagas by when they are due: a binary min-heap on (due time, start order). A saga
 * is re-queued each time its due time changes; `ticket` tells the live entry from the stale ones
 * left behind, which are dropped when they reach the top. peek is O(1) amortised, push and pop
 * O(log n): a backlog of sagas waiting on retries costs nothing to the ones that are due.
 */
interface Queued<T> {
  readonly dueAt: number;
  readonly seq: number;
  readonly ticket: number;
  readonly item: T;
}

export interface Schedulable {
  readonly seq: number;
  dueAt: number;
  /** Which queue entry is this item's live one; set by the queue. */
  ticket: number;
}

function before<T>(a: Queued<T>, b: Queued<T>): boolean {
  return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
}

export class DueQueue<T extends Schedulable> {
  private readonly heap: Queued<T>[] = [];
  private tickets = 0;

  /** Queues `item` at its dueAt; any earlier entry of it becomes stale. */
  push(item: T): void {
    const entry: Queued<T> = { dueAt: item.dueAt, seq: item.seq, ticket: ++this.tickets, item };
    item.ticket = entry.ticket;
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as Queued<T>;
      if (!before(entry, above)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = entry;
  }

  /** The live item due first, without removing it (stale entries on top are dropped). */
  peek(): T | undefined {
    for (;;) {
      const top = this.heap[0];
      if (top === undefined || top.ticket === top.item.ticket) return top?.item;
      this.removeTop();
    }
  }

  /** Removes the item peek() returned. */
  pop(): void {
    this.removeTop();
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
      const child = right < heap.length && before(heap[right] as Queued<T>, heap[left] as Queued<T>) ? right : left;
      const smaller = heap[child] as Queued<T>;
      if (!before(smaller, last)) break;
      heap[i] = smaller;
      i = child;
    }
    heap[i] = last;
  }
}
