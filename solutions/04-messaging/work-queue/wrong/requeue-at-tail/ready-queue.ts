/**
 * The mistake: a message that comes back (lease ended, or nacked) is appended at the tail, as a
 * fresh send would be. It loses its place: every message sent after it is delivered first, and a
 * message that keeps failing sinks to the back of a long queue over and over.
 */
import type { MessageRecord } from "../../src/message-record";
import { ReadyQueue as Reference } from "../../src/ready-queue";

export class ReadyQueue<T> extends Reference<T> {
  override giveBack(record: MessageRecord<T>): void {
    this.append(record);
  }
}
