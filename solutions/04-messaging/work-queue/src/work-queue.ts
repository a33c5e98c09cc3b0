import { WorkQueueError } from "./errors";
import { Leases } from "./leases";
import type { MessageRecord } from "./message-record";
import type { Delivery, FullPolicy, WorkQueueOptions } from "./options";
import { ReadyQueue } from "./ready-queue";
import { Receipts, type Settlement } from "./receipts";
import { shown } from "./shown";
import { WaitingProducers } from "./waiting-producers";

export type { Delivery, FullPolicy, WorkQueueOptions } from "./options";

const DEFAULT_VISIBILITY_TIMEOUT_MS = 30_000;

/**
 * A point-to-point work queue shared by competing consumers (see the stub for the contract).
 *
 * State: every message in the queue has one record. A ready record is in `readyQueue` (lowest id
 * first); an in-flight one is in `leases` (earliest lease end first). A Delivery points at its
 * record, so an ack needs no lookup.
 * Leases are ended lazily: every call that depends on them first returns each message whose lease
 * has ended to the ready queue, so the answer is the one a queue with a timer per lease would give.
 */
export class WorkQueue<T> {
  readonly capacity: number;
  readonly whenFull: FullPolicy;
  readonly visibilityTimeoutMs: number;
  private readonly clock: () => number;
  private readonly readyQueue = new ReadyQueue<T>();
  private readonly leases = new Leases<T>();
  private readonly producers = new WaitingProducers<T>();
  private readonly receipts = new Receipts<T>();
  private lastId = 0;

  constructor(options: WorkQueueOptions = {}) {
    const { capacity = Infinity, whenFull = "reject", visibilityTimeoutMs = DEFAULT_VISIBILITY_TIMEOUT_MS } = options;
    if (!(Number.isInteger(capacity) && capacity > 0) && capacity !== Infinity) {
      throw new WorkQueueError(
        "INVALID_CAPACITY",
        `capacity must be a positive integer, or Infinity for no bound; got ${shown(capacity)}`,
      );
    }
    if (whenFull !== "reject" && whenFull !== "block") {
      throw new WorkQueueError(
        "INVALID_FULL_POLICY",
        `whenFull must be "reject" (refuse a send to a full queue) or "block" (wait for room); got ${shown(whenFull)}`,
      );
    }
    if (!(Number.isFinite(visibilityTimeoutMs) && visibilityTimeoutMs > 0)) {
      throw new WorkQueueError(
        "INVALID_VISIBILITY_TIMEOUT",
        `visibilityTimeoutMs must be a positive, finite number of milliseconds (SQS's default is 30000); got ${shown(visibilityTimeoutMs)}`,
      );
    }
    this.capacity = capacity;
    this.whenFull = whenFull;
    this.visibilityTimeoutMs = visibilityTimeoutMs;
    this.clock = options.clock ?? (() => performance.now());
  }

  /** Messages in the queue, ready and in flight: what counts toward the capacity. */
  get size(): number {
    return this.readyQueue.length + this.leases.length;
  }

  get ready(): number {
    this.endLeases(this.clock());
    return this.readyQueue.length;
  }

  get inFlight(): number {
    this.endLeases(this.clock());
    return this.leases.length;
  }

  get blockedProducers(): number {
    return this.producers.length;
  }

  send(body: T): Promise<number> {
    if (this.size < this.capacity) return Promise.resolve(this.enqueue(body));
    if (this.whenFull === "block") return this.producers.wait(body);
    return Promise.reject(
      new WorkQueueError(
        "QUEUE_FULL",
        `queue full: all ${this.capacity} places are taken (${this.readyQueue.length} ready, ${this.leases.length} in flight; ` +
          "an in-flight message keeps its place until it is acked), so the message was not queued. Retry later with backoff, " +
          'shed the load (answer 429 or 503), or create the queue with whenFull: "block" to wait for room.',
      ),
    );
  }

  receive(consumer: string): Delivery<T> | undefined {
    if (typeof consumer !== "string" || consumer === "") {
      throw new WorkQueueError(
        "INVALID_CONSUMER",
        `receive needs a consumer id, a non-empty string such as "worker-1"; got ${shown(consumer)}`,
      );
    }
    const now = this.clock();
    this.endLeases(now);
    const record = this.readyQueue.take();
    if (record === undefined) return undefined;
    record.attempt++;
    record.consumer = consumer;
    record.leaseEndsAt = now + this.visibilityTimeoutMs;
    record.inFlight = true;
    this.leases.start(record);
    return this.receipts.issue(record);
  }

  ack(delivery: Delivery<T>): void {
    const record = this.held(delivery, "ack");
    this.leases.end(record);
    record.acked = true;
    // One place is free: the producer that has waited longest takes it, before anyone else can.
    const producer = this.producers.next();
    if (producer !== undefined) producer.admitted(this.enqueue(producer.body));
  }

  nack(delivery: Delivery<T>): void {
    const record = this.held(delivery, "nack");
    this.leases.end(record);
    record.inFlight = false;
    record.leaseEndsAt = this.clock();
    this.readyQueue.giveBack(record);
  }

  /** The record `delivery` holds now, after ending every lease that is over. */
  private held(delivery: Delivery<T>, settlement: Settlement): MessageRecord<T> {
    this.endLeases(this.clock());
    return this.receipts.held(delivery, settlement);
  }

  private enqueue(body: T): number {
    const id = ++this.lastId;
    const record: MessageRecord<T> = {
      id,
      body,
      attempt: 0,
      consumer: "",
      leaseEndsAt: 0,
      inFlight: false,
      acked: false,
      earlier: undefined,
      later: undefined,
    };
    this.readyQueue.append(record);
    return id;
  }

  /** Every message whose lease has ended by `now` goes back to the ready queue, at its place. */
  private endLeases(now: number): void {
    for (let record = this.leases.nextEnded(now); record !== undefined; record = this.leases.nextEnded(now)) {
      this.leases.end(record);
      record.inFlight = false;
      this.readyQueue.giveBack(record);
    }
  }
}
