/**
 * The mistake: an ack is matched to its message alone, not to the delivery. Any delivery of a
 * message that is in flight may settle it, so after a redelivery the first consumer's late (stale)
 * ack deletes the message the second consumer is still working on, and the second consumer's own
 * ack then fails.
 */
import type { MessageRecord } from "../../src/message-record";
import type { Delivery } from "../../src/options";
import { Receipts as Reference, type Settlement } from "../../src/receipts";

export type { Settlement } from "../../src/receipts";

export class Receipts<T> extends Reference<T> {
  override held(delivery: Delivery<T>, settlement: Settlement): MessageRecord<T> {
    const record = this.recordOf(delivery);
    return record?.inFlight === true ? record : super.held(delivery, settlement);
  }
}
