/**
 * The mistake: a lease is taken to hold until leaseEndsAt inclusive (now > leaseEndsAt to end it).
 * At the expiry instant itself the message is still invisible to other consumers, and an ack that
 * arrives exactly then is still accepted: the queue is one tick behind its own timeout.
 */
import { Leases as Reference } from "../../src/leases";
import type { MessageRecord } from "../../src/message-record";

export class Leases<T> extends Reference<T> {
  override ended(record: MessageRecord<T>, now: number): boolean {
    return now > record.leaseEndsAt;
  }
}
