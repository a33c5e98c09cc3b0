import { notImplemented } from "#kata";
import type { Delivery, FullPolicy, WorkQueueOptions } from "./options";
// WorkQueueError (./errors) is what bad arguments, a full queue and a refused ack throw or reject with.

export type { Delivery, FullPolicy, WorkQueueOptions } from "./options";

/**
 * A point-to-point work queue shared by competing consumers: the job queue between a web tier and
 * its workers, an SQS queue, a RabbitMQ queue with several consumers.
 *
 * - Each message goes to one consumer at a time. `receive` hands out the ready message that entered
 *   the queue first (lowest id) and leases it to that consumer for `visibilityTimeoutMs`: no other
 *   consumer sees it until the lease ends.
 * - `ack` with the Delivery deletes the message: the work is done. `nack` gives it back at once.
 * - A lease that ends without an ack (the consumer crashed, or is too slow) makes the message
 *   visible again, at the instant `leaseEndsAt` itself, and the next `receive` delivers it again with
 *   the next attempt number. A message that comes back keeps its place: it goes before every message
 *   that entered the queue after it.
 * - Only the latest delivery of a message may settle it, and only before its lease ends: a late or
 *   stale ack is refused with a WorkQueueError (LEASE_EXPIRED or ALREADY_ACKED), never silently
 *   applied or dropped.
 * - The queue holds at most `capacity` messages, ready and in flight together. A `send` to a full
 *   queue is refused (whenFull "reject") or waits for an ack to make room (whenFull "block").
 *
 * Time comes from the injected clock; nothing runs in the background. Leases end lazily: every
 * call that depends on them first deals with the leases that are over.
 *
 * The bench pushes millions of messages through queues with up to 100,000 waiting and 10,000 in
 * flight: no operation may scan the ready messages or the leases.
 */
export class WorkQueue<T> {
  /** The most messages the queue holds (Infinity: no bound). */
  readonly capacity: number;
  /** What `send` does to a full queue. */
  readonly whenFull: FullPolicy;
  /** How long a delivery's lease lasts, in ms. */
  readonly visibilityTimeoutMs: number;

  /**
   * @throws WorkQueueError INVALID_CAPACITY unless capacity is omitted, a positive integer or
   *   Infinity (0, -1, 2.5, NaN); INVALID_FULL_POLICY unless whenFull is omitted, "reject" or
   *   "block"; INVALID_VISIBILITY_TIMEOUT unless visibilityTimeoutMs is omitted or a positive,
   *   finite number (0, -5, NaN, Infinity).
   */
  constructor(options: WorkQueueOptions = {}) {
    this.capacity = options.capacity ?? Infinity;
    this.whenFull = options.whenFull ?? "reject";
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? 30_000;
    notImplemented("new WorkQueue()");
  }

  /** Messages in the queue, ready and in flight together: the count the capacity bounds. */
  get size(): number {
    return notImplemented("WorkQueue.size");
  }

  /** Messages a `receive` could get now (messages whose lease has ended included). */
  get ready(): number {
    return notImplemented("WorkQueue.ready");
  }

  /** Messages delivered and held under a lease that has not ended. */
  get inFlight(): number {
    return notImplemented("WorkQueue.inFlight");
  }

  /** Sends waiting for room (policy "block"). */
  get blockedProducers(): number {
    return notImplemented("WorkQueue.blockedProducers");
  }

  /**
   * Puts a message at the tail of the queue. With room, it is in the queue before `send` returns,
   * and the promise resolves with its id (1, 2, 3, ...). When the queue is full:
   * - whenFull "reject": the promise rejects with WorkQueueError QUEUE_FULL, whose message says the
   *   queue is full and what to do; the message is not queued.
   * - whenFull "block": the promise stays pending. Each ack makes room for one blocked send, the
   *   one that has waited longest; its message enters the queue during that ack (so no later send can
   *   take the place) and its promise resolves with the id.
   * `send` never throws: every refusal is a rejected promise.
   */
  send(body: T): Promise<number> {
    return notImplemented(`WorkQueue.send(${String(body)})`);
  }

  /**
   * The ready message that entered the queue first, leased to `consumer` until now +
   * visibilityTimeoutMs; undefined when no message is ready.
   * @throws WorkQueueError INVALID_CONSUMER unless consumer is a non-empty string.
   */
  receive(consumer: string): Delivery<T> | undefined {
    return notImplemented(`WorkQueue.receive(${JSON.stringify(consumer)})`);
  }

  /**
   * The work is done: deletes the message, which frees its place (and admits the longest-waiting
   * blocked send, if any).
   * @throws WorkQueueError, and changes nothing, when `delivery` does not hold the message now:
   *   LEASE_EXPIRED if its lease has ended (at leaseEndsAt or later) or the message was delivered
   *   again since; ALREADY_ACKED if the message has been acked already; UNKNOWN_DELIVERY if this
   *   queue never made that delivery.
   */
  ack(delivery: Delivery<T>): void {
    notImplemented("WorkQueue.ack");
  }

  /**
   * Gives the message back now: its lease ends, it is ready again at its place, and the next
   * `receive` may deliver it again. It keeps its place in the bound.
   * @throws WorkQueueError as `ack` does, and changes nothing.
   */
  nack(delivery: Delivery<T>): void {
    notImplemented("WorkQueue.nack");
  }
}
