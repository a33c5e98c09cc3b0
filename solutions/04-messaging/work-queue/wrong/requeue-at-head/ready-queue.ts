/**
 * The mistake: a message that comes back is pushed onto the head of the queue, so it is delivered
 * next. Right for one message, wrong for several: the last to come back goes first, ahead of older
 * messages that came back before it.
 */
import type { MessageRecord } from "../../src/message-record";
import { ReadyQueue as Reference } from "../../src/ready-queue";

export class ReadyQueue<T> extends Reference<T> {
  private readonly head: MessageRecord<T>[] = [];

  override get length(): number {
    return super.length + this.head.length;
  }

  override giveBack(record: MessageRecord<T>): void {
    this.head.push(record);
  }

  override take(): MessageRecord<T> | undefined {
    return this.head.pop() ?? super.take();
  }
}
