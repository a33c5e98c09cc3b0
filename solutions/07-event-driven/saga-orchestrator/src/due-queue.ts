/**
 * The unfinished sagas by when they are due: a binary min-heap on (due time, start order). Each
 * saga is in it once: runDue() takes the top, makes its attempt, and puts it back with its new due
 * time unless it finished. peek is O(1), push and pop O(log n): a backlog of sagas waiting on
 * retries costs nothing to the ones that are due.
 */
interface Queued<T> {
  readonly dueAt: number;
  readonly seq: number;
  readonly item: T;
}

export interface Schedulable {
  readonly seq: number;
  readonly dueAt: number;
}

function before<T>(a: Queued<T>, b: Queued<T>): boolean {
  return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
}

export class DueQueue<T extends Schedulable> {
  private readonly heap: Queued<T>[] = [];

  /** Queues `item` at its dueAt (an item must not be queued twice). */
  push(item: T): void {
    const entry: Queued<T> = { dueAt: item.dueAt, seq: item.seq, item };
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

  /** The item due first, without removing it. */
  peek(): T | undefined {
    return this.heap[0]?.item;
  }

  /** Removes the item peek() returned. */
  pop(): void {
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
