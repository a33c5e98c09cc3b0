/**
 * The mistake: the bound counts only ready messages, as RabbitMQ's max-length does. Receiving
 * makes room, so producers keep sending while consumers hold messages; when those leases end the
 * messages come back to a queue that has already been filled: it holds more than its capacity.
 */
import { WorkQueue as Reference } from "../../src/work-queue";

export type { Delivery, FullPolicy, WorkQueueOptions } from "../../src/work-queue";

export class WorkQueue<T> extends Reference<T> {
  override get size(): number {
    return this.ready;
  }
}
