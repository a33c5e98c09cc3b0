import type { MessageRecord } from "./message-record";

/**
 * The in-flight messages, in the order their leases end: a doubly linked list threaded through the
 * records themselves, so starting, ending and finding the next lease to end are each O(1).
 *
 * Every lease lasts the same visibility timeout and the clock never goes back, so leases end in the
 * order they started: a new lease always belongs at the tail, and the next one to end is always at
 * the head. An acked or nacked message leaves the list at once; nothing of its lease stays behind
 * to fire later.
 */
export class Leases<T> {
  private first: MessageRecord<T> | undefined = undefined;
  private last: MessageRecord<T> | undefined = undefined;
  private count = 0;

  /** How many messages are in flight. */
  get length(): number {
    return this.count;
  }

  /**
   * The one rule for when a lease is over. A lease taken at t with a visibility timeout of v holds
   * during [t, t + v): at t + v itself it has ended, the message is visible to other consumers again,
   * and the delivery can no longer settle it (the queue ends such leases before it checks an ack).
   */
  ended(record: MessageRecord<T>, now: number): boolean {
    return now >= record.leaseEndsAt;
  }

  /** A lease starts: the record, just delivered, goes at the tail (its `later` is clear: see end). */
  start(record: MessageRecord<T>): void {
    record.earlier = this.last;
    if (this.last === undefined) this.first = record;
    else this.last.later = record;
    this.last = record;
    this.count++;
  }

  /** A lease is over (acked, nacked or ended by time): the record leaves the list. */
  end(record: MessageRecord<T>): void {
    const { earlier, later } = record;
    if (earlier === undefined) this.first = later;
    else earlier.later = later;
    if (later === undefined) this.last = earlier;
    else later.earlier = earlier;
    // Clear both links: the record may lease again, and a Delivery a consumer keeps must not hold
    // a chain of records that have left the queue.
    record.earlier = undefined;
    record.later = undefined;
    this.count--;
  }

  /** The in-flight message whose lease ends first, if it has ended by `now`. */
  nextEnded(now: number): MessageRecord<T> | undefined {
    const head = this.first;
    return head !== undefined && this.ended(head, now) ? head : undefined;
  }
}
