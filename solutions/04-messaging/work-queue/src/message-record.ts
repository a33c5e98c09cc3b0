/**
 * A message while it is in the queue: ready, or in flight under the lease of its latest delivery.
 * The queue keeps one record per message from send to ack; each delivery changes it in place.
 */
export class MessageRecord<T> {
  /** How many times the message has been delivered: the latest delivery's attempt number. */
  attempt = 0;
  /** The consumer of the latest delivery. */
  consumer = "";
  /** When the latest delivery's lease ends (or ended). */
  leaseEndsAt = 0;
  /** True while the latest delivery's lease holds the message. */
  inFlight = false;
  /** The lease list's links (see leases.ts): the in-flight messages whose leases end before and after. */
  earlier: MessageRecord<T> | undefined = undefined;
  later: MessageRecord<T> | undefined = undefined;

  constructor(
    readonly id: number,
    readonly body: T,
  ) {}
}
