/**
 * The mistake: leases are kept like timers, one entry per delivery with its deadline, and ending a
 * lease (ack, nack) cancels by message rather than by delivery: it marks the message as
 * "cancelled", and the message's next delivery clears the mark. The first delivery's old entry is
 * then live again, and when its deadline passes it ends the second delivery's lease early: the
 * message is handed to a third consumer while the second still holds it.
 */
import type { MessageRecord } from "../../src/message-record";

interface Timer<T> {
  readonly record: MessageRecord<T>;
  readonly endsAt: number;
}

export class Leases<T> {
  private readonly timers: Timer<T>[] = [];
  private readonly cancelled = new WeakSet<MessageRecord<T>>();
  private count = 0;

  get length(): number {
    return this.count;
  }

  start(record: MessageRecord<T>): void {
    this.cancelled.delete(record);
    this.timers.push({ record, endsAt: record.leaseEndsAt });
    this.count++;
  }

  end(record: MessageRecord<T>): void {
    this.cancelled.add(record);
    this.count--;
  }

  nextEnded(now: number): MessageRecord<T> | undefined {
    for (;;) {
      const first = this.timers[0];
      if (first === undefined) return undefined;
      if (this.cancelled.has(first.record)) {
        this.timers.shift();
        continue;
      }
      return now >= first.endsAt ? first.record : undefined;
    }
  }
}
