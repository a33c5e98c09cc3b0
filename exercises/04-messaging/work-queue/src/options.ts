/** The work queue's options and what a consumer receives (given code). */

/** What `send` does when the queue is full: refuse at once, or wait for room. */
export type FullPolicy = "reject" | "block";

export interface WorkQueueOptions {
  /**
   * The most messages the queue holds: ready ones and in-flight ones (received, not yet acked)
   * together. A positive integer, or Infinity for no bound (the default).
   */
  capacity?: number;
  /**
   * What `send` does when the queue holds `capacity` messages (default "reject"):
   * - "reject": the promise rejects at once with QUEUE_FULL and the message is not queued;
   * - "block": the promise stays pending until an ack makes room and the message is in.
   */
  whenFull?: FullPolicy;
  /**
   * How long a received message stays invisible to other consumers, in ms (default 30,000, as in
   * SQS). If it is not acked by then, its lease ends and the queue delivers it again.
   */
  visibilityTimeoutMs?: number;
  /**
   * Milliseconds now; `performance.now` when omitted. It must never go backwards: lease deadlines
   * are taken from it. Tests inject a clock they move by hand.
   */
  clock?: () => number;
}

/**
 * One delivery of a message to one consumer, and the consumer's receipt for it: pass it back to
 * `ack` when the work is done, or to `nack` to give the message back. Each delivery of a message is
 * a new Delivery with a higher `attempt`; only the latest one holds the message, and only until
 * `leaseEndsAt`.
 */
export interface Delivery<T> {
  /** The message's id: 1, 2, 3, ... in the order messages entered the queue. */
  readonly id: number;
  readonly body: T;
  /** 1 on the first delivery, 2 on the first redelivery, and so on. */
  readonly attempt: number;
  /** The consumer it was delivered to. */
  readonly consumer: string;
  /**
   * When the lease ends: the instant of receipt plus the visibility timeout. From this instant on
   * (at it, not after it) the message is visible to other consumers again and this delivery can no
   * longer ack it.
   */
  readonly leaseEndsAt: number;
}
