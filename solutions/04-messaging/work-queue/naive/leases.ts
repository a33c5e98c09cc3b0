/**
 * The naive lease table: the in-flight messages in one array, in the order they were received.
 * Correct, and it scans where the reference follows links:
 * - nextEnded() looks through every in-flight message for one whose lease has ended, on every
 *   receive, ack and nack: O(in flight) each time, and the whole array when none has ended (the
 *   usual case);
 * - end() finds the message with indexOf and splices it out: O(in flight).
 */
import type { MessageRecord } from "../src/message-record";

export class Leases<T> {
  private readonly held: MessageRecord<T>[] = [];

  get length(): number {
    return this.held.length;
  }

  start(record: MessageRecord<T>): void {
    this.held.push(record);
  }

  end(record: MessageRecord<T>): void {
    this.held.splice(this.held.indexOf(record), 1);
  }

  ended(record: MessageRecord<T>, now: number): boolean {
    return now >= record.leaseEndsAt;
  }

  nextEnded(now: number): MessageRecord<T> | undefined {
    return this.held.find((record) => this.ended(record, now));
  }
}
