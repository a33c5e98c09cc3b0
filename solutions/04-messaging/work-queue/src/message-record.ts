/**
 * A message from send to ack: ready, in flight under the lease of its latest delivery, or acked.
 * The queue keeps one record per message; each delivery changes it in place, and each Delivery a
 * consumer holds points at it (see receipts.ts), so an ack finds its message without a lookup.
 */
export interface MessageRecord<T> {
  readonly id: number;
  readonly body: T;
  /** How many times the message has been delivered: the latest delivery's attempt number. */
  attempt: number;
  /** The consumer of the latest delivery. */
  consumer: string;
  /** When the latest delivery's lease ends (or ended). */
  leaseEndsAt: number;
  /** True while the latest delivery's lease holds the message. */
  inFlight: boolean;
  /** True once the message has been acked and deleted. */
  acked: boolean;
  /** The lease list's links (see leases.ts): the in-flight messages whose leases end before and after. */
  earlier: MessageRecord<T> | undefined;
  later: MessageRecord<T> | undefined;
}
