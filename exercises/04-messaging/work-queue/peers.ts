/**
 * fastq, the in-memory work queue behind fastify and pino, behind this exercise's API, so the bench
 * can push the same messages through it (given code; `kata bench work-queue` shows the comparison).
 *
 * fastq pushes tasks to a worker function, at most `concurrency` at a time, and starts the next
 * task when a worker calls its `done`. Here the worker only parks each task it is given; `receive`
 * takes a parked task (raising the concurrency by one when none is parked, so each consumer holding
 * a message is one running task), and `ack` calls the task's `done`, which makes fastq start the next.
 *
 * What fastq does not do, and this adapter does not pretend to: there is no lease and no visibility
 * timeout (a task whose worker never calls `done` holds its slot forever), no bound (push always
 * accepts), and no check of `done` (a second call starts another task). So it runs only the bench's
 * workloads in which every consumer acks in time.
 */
import fastq from "fastq";
import type { Delivery, WorkQueue, WorkQueueOptions } from "./src/work-queue";

interface Api {
  WorkQueue: typeof WorkQueue;
}

interface Task<T> {
  readonly id: number;
  readonly body: T;
}

interface Started<T> {
  readonly task: Task<T>;
  readonly done: fastq.done;
}

interface FastqDelivery<T> extends Delivery<T> {
  readonly done: fastq.done;
}

class WorkQueueOnFastq<T> {
  readonly capacity = Infinity;
  readonly whenFull = "reject";
  readonly blockedProducers = 0;
  readonly visibilityTimeoutMs: number;
  private readonly queue: fastq.queue<Task<T>>;
  /** Tasks fastq has started (handed to the worker) that no consumer has received yet. */
  private started: Started<T>[] = [];
  private waiting = 0;
  private lastId = 0;

  constructor(options: WorkQueueOptions = {}) {
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? 30_000;
    this.queue = fastq<unknown, Task<T>>((task, done) => {
      this.waiting--;
      this.started.push({ task, done });
    }, 1);
  }

  get size(): number {
    return this.waiting + this.queue.running();
  }

  get ready(): number {
    return this.waiting + this.started.length;
  }

  get inFlight(): number {
    return this.queue.running() - this.started.length;
  }

  send(body: T): Promise<number> {
    const id = ++this.lastId;
    this.waiting++;
    this.queue.push({ id, body });
    return Promise.resolve(id);
  }

  receive(consumer: string): Delivery<T> | undefined {
    if (this.started.length === 0) {
      if (this.waiting === 0) return undefined;
      this.queue.concurrency = this.queue.running() + 1; // fastq starts one more task, now
    }
    const next = this.started.length === 1 ? (this.started.pop() as Started<T>) : (this.started.shift() as Started<T>);
    const delivery: FastqDelivery<T> = {
      id: next.task.id,
      body: next.task.body,
      attempt: 1,
      consumer,
      leaseEndsAt: Infinity,
      done: next.done,
    };
    return delivery;
  }

  ack(delivery: Delivery<T>): void {
    (delivery as FastqDelivery<T>).done(null);
  }

  nack(): void {
    throw new Error("fastq cannot give a started task back to the queue");
  }
}

export const fastqWorkQueue = { WorkQueue: WorkQueueOnFastq as unknown as Api["WorkQueue"] } satisfies Api;
