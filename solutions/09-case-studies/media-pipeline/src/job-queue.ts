/**
 * The jobs waiting for an attempt: a binary min-heap ordered by when each is due, then by media
 * id, as a delayed-job set (Sidekiq's retry set, BullMQ's delayed jobs: Redis sorted sets scored by
 * time) keeps them. A fresh upload is due at once; a retry is due after its backoff, and must not
 * hold back the uploads behind it, so the order is by due time, not by arrival.
 * push and pop are O(log n); peek is O(1).
 */
export interface Job {
  readonly id: number;
  readonly dueAt: number;
}

/** A job is due at its instant itself: a retry scheduled for t runs at t. */
export function isDue(job: Job, now: number): boolean {
  return job.dueAt <= now;
}

function before(a: Job, b: Job): boolean {
  return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.id < b.id);
}

export class JobQueue {
  private readonly heap: Job[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** The job first in order (due earliest, then lowest id), due or not. */
  peek(): Job | undefined {
    return this.heap[0];
  }

  push(job: Job): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(job);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as Job;
      if (!before(job, above)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = job;
  }

  /** Removes and returns the job first in order. */
  pop(): Job | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right] as Job, heap[left] as Job) ? right : left;
      const smaller = heap[child] as Job;
      if (!before(smaller, last)) break;
      heap[i] = smaller;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
