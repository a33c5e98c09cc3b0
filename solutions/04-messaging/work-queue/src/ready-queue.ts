import type { MessageRecord } from "./message-record";
import { Ring } from "./ring";

/**
 * The ready messages, taken lowest id first: the order they entered the queue.
 *
 * Two structures, because messages arrive two ways:
 * - new messages come with ids above every other, so they simply join the tail of a ring buffer
 *   (O(1), nothing shifts);
 * - a message that comes back (its lease ended, or it was nacked) takes its old place: a min-heap
 *   by id holds those (O(log r) for r of them, usually few).
 * Everything that comes back was delivered before any message still in the ring (delivery takes the
 * lowest id), so its id is below the ring's head: the heap, when not empty, always goes first.
 */
export class ReadyQueue<T> {
  private readonly fresh = new Ring<MessageRecord<T>>();
  private readonly returned: MessageRecord<T>[] = [];

  get length(): number {
    return this.fresh.length + this.returned.length;
  }

  /** A new message: its id is above every id in the queue. */
  append(record: MessageRecord<T>): void {
    this.fresh.push(record);
  }

  /** A message back from flight, at its place by id. */
  giveBack(record: MessageRecord<T>): void {
    const heap = this.returned;
    let i = heap.length;
    heap.push(record);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as MessageRecord<T>;
      if (above.id < record.id) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = record;
  }

  /** The ready message with the lowest id, removed; undefined when none is ready. */
  take(): MessageRecord<T> | undefined {
    return this.returned.length > 0 ? this.takeReturned() : this.fresh.shift();
  }

  private takeReturned(): MessageRecord<T> {
    const heap = this.returned;
    const top = heap[0] as MessageRecord<T>;
    const last = heap.pop() as MessageRecord<T>;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = child + 1;
        if (right < n && (heap[right] as MessageRecord<T>).id < (heap[child] as MessageRecord<T>).id) child = right;
        const below = heap[child] as MessageRecord<T>;
        if (last.id < below.id) break;
        heap[i] = below;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
