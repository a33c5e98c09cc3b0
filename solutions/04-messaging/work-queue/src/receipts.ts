import { WorkQueueError } from "./errors";
import type { MessageRecord } from "./message-record";
import type { Delivery } from "./options";
import { shown } from "./shown";

export type Settlement = "ack" | "nack";

/**
 * The Delivery a consumer gets: the fields of the Delivery interface, and private links to the
 * message's record and to the queue that made it. An ack follows the link instead of looking the
 * message up by id, as an SQS receipt handle encodes where its message is.
 *
 * Why not a Map from id to record: ids only grow and the oldest messages leave first, and V8's Map
 * handles that churn badly. With 10,000 messages in a Map, deleting the oldest and adding a new one
 * cost about 400 ns on this workbook's machine; the whole trip of a message through this queue
 * (send, receive, ack) takes about 150 ns.
 */
class Receipt<T> implements Delivery<T> {
  readonly id: number;
  readonly body: T;
  readonly attempt: number;
  readonly consumer: string;
  readonly leaseEndsAt: number;
  readonly #record: MessageRecord<T>;
  readonly #issuer: Receipts<T>;

  constructor(issuer: Receipts<T>, record: MessageRecord<T>) {
    this.#issuer = issuer;
    this.#record = record;
    this.id = record.id;
    this.body = record.body;
    this.attempt = record.attempt;
    this.consumer = record.consumer;
    this.leaseEndsAt = record.leaseEndsAt;
  }

  /** The record `delivery` points at, if `issuer` made it; undefined for anything else. */
  static recordOf<T>(issuer: Receipts<T>, delivery: unknown): MessageRecord<T> | undefined {
    return delivery instanceof Receipt && delivery.#issuer === issuer
      ? (delivery.#record as MessageRecord<T>)
      : undefined;
  }
}

/** The deliveries one queue hands out, and the rules for which of them may settle a message. */
export class Receipts<T> {
  /** A new delivery of `record`, as its fields are now. */
  issue(record: MessageRecord<T>): Delivery<T> {
    return new Receipt(this, record);
  }

  /** The record `delivery` points at, if this queue made it. */
  protected recordOf(delivery: Delivery<T>): MessageRecord<T> | undefined {
    return Receipt.recordOf(this, delivery);
  }

  /**
   * The record of the message `delivery` holds now, for an ack or a nack; otherwise a
   * WorkQueueError that says why the delivery may not settle it. The queue calls it after ending
   * the leases that are over, so a lease that ended at this very instant no longer holds its message.
   *
   * A delivery holds its message only while it is the message's latest delivery and its lease has
   * not ended. Matching on the message alone is the classic mistake: after a redelivery, the first
   * consumer's late ack would delete the message the second consumer is working on.
   */
  held(delivery: Delivery<T>, settlement: Settlement): MessageRecord<T> {
    const record = this.recordOf(delivery);
    if (record === undefined) {
      throw new WorkQueueError(
        "UNKNOWN_DELIVERY",
        `${settlement}(${shown(delivery)}): this queue never made that delivery (a copy or a hand-made object is not one, ` +
          "nor is a delivery from another queue); pass the object receive() returned",
      );
    }
    const { id, attempt, consumer } = delivery;
    if (record.acked) {
      throw new WorkQueueError(
        "ALREADY_ACKED",
        `${settlement} of message ${id} by attempt ${attempt} (${consumer}) refused: the message was already acknowledged and ` +
          "deleted, by this delivery or a later one. If this ack came after the lease ended, the work may have been done " +
          "twice: make the handler idempotent.",
      );
    }
    if (attempt !== record.attempt || !record.inFlight) {
      const since =
        attempt !== record.attempt
          ? `it was delivered again since, attempt ${record.attempt} to ${record.consumer}, which ` +
            (record.inFlight ? `holds it until ${record.leaseEndsAt}` : "no longer holds it either")
          : `its lease ended at ${record.leaseEndsAt} and the message is back in the queue, to be delivered again`;
      throw new WorkQueueError(
        "LEASE_EXPIRED",
        `${settlement} of message ${id} by attempt ${attempt} (${consumer}) refused: that delivery no longer holds the message; ` +
          `${since}. Only the latest delivery may settle a message, and only before its lease ends. A lease that runs out ` +
          "means the work may be done twice: keep handlers idempotent, or ask for a longer visibilityTimeoutMs.",
      );
    }
    return record;
  }
}
