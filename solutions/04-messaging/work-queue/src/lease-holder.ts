import { WorkQueueError } from "./errors";
import type { MessageRecord } from "./message-record";
import type { Delivery } from "./options";

export type Settlement = "ack" | "nack";

/** A value as a message shows it: strings quoted, objects as JSON, numbers as they print. */
export function shown(value: unknown): string {
  if (typeof value === "string" || (typeof value === "object" && value !== null)) return JSON.stringify(value);
  return String(value);
}

/**
 * The record of the message `delivery` holds now, for an ack or a nack; otherwise a
 * WorkQueueError that says why the delivery may not settle it. Call it after ending the leases that
 * are over, so a lease that ended at this very instant no longer holds its message.
 *
 * A delivery holds its message only while it is the message's latest delivery and its lease has not
 * ended. Matching on the message id alone is the classic mistake: after a redelivery the first
 * consumer's late ack would delete the message the second consumer is working on.
 */
export function recordHeldBy<T>(
  messages: ReadonlyMap<number, MessageRecord<T>>,
  delivery: Delivery<T>,
  lastId: number,
  settlement: Settlement,
): MessageRecord<T> {
  if (typeof delivery !== "object" || delivery === null || !Number.isInteger(delivery.id)) {
    throw new WorkQueueError(
      "UNKNOWN_DELIVERY",
      `${settlement}(${shown(delivery)}): that is not a delivery; pass the object receive() returned`,
    );
  }
  const { id, attempt } = delivery;
  const record = messages.get(id);
  if (record === undefined) {
    if (id >= 1 && id <= lastId) {
      throw new WorkQueueError(
        "ALREADY_ACKED",
        `${settlement} of message ${id} (attempt ${shown(attempt)}) refused: the message was already acknowledged and deleted, ` +
          "by this delivery or a later one. If this ack came after the lease ended, the work may have been done twice: " +
          "make the handler idempotent.",
      );
    }
    throw new WorkQueueError(
      "UNKNOWN_DELIVERY",
      `${settlement} of message ${id}: no such message was ever in this queue (ids so far: ${lastId === 0 ? "none" : `1 to ${lastId}`}); ` +
        "pass the object receive() returned",
    );
  }
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > record.attempt) {
    throw new WorkQueueError(
      "UNKNOWN_DELIVERY",
      `${settlement} of message ${id} by attempt ${shown(attempt)}: the message has been delivered ${record.attempt} ` +
        `time(s), so that delivery never happened; pass the object receive() returned`,
    );
  }
  if (attempt < record.attempt || !record.inFlight) {
    const now =
      attempt < record.attempt
        ? record.inFlight
          ? `it was delivered again, attempt ${record.attempt} to ${record.consumer}, which holds it now`
          : `it was delivered again (attempt ${record.attempt}) and is back in the queue`
        : `its lease ended at ${record.leaseEndsAt} and the message is back in the queue, to be delivered again`;
    throw new WorkQueueError(
      "LEASE_EXPIRED",
      `${settlement} of message ${id} by attempt ${attempt} (${delivery.consumer}) refused: that delivery no longer holds ` +
        `the message: ${now}. Only the latest delivery may settle a message, and only before its lease ends; ` +
        "a lease that runs out means the work may be done twice, so keep handlers idempotent (or ask for a longer visibilityTimeoutMs).",
    );
  }
  return record;
}
