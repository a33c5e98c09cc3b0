/**
 * The naive queue: correct, and slow where it counts. Waiting jobs are kept in an array in the
 * order they were queued; peek scans all of them for the one due first (then lowest id), and pop
 * splices it out. Every runNext costs a pass over every waiting job: with 10,000 jobs waiting,
 * 10,000 comparisons to run one. It replaces only the reference's JobQueue.
 */
import type { Job } from "../src/job-queue";

export { isDue, type Job } from "../src/job-queue";

export class JobQueue {
  private readonly jobs: Job[] = [];

  get size(): number {
    return this.jobs.length;
  }

  peek(): Job | undefined {
    return this.jobs[this.firstIndex()];
  }

  push(job: Job): void {
    this.jobs.push(job);
  }

  pop(): Job | undefined {
    const i = this.firstIndex();
    return i === -1 ? undefined : this.jobs.splice(i, 1)[0];
  }

  private firstIndex(): number {
    let best = -1;
    let first: Job | undefined;
    for (let i = 0; i < this.jobs.length; i++) {
      const job = this.jobs[i] as Job;
      if (first === undefined || job.dueAt < first.dueAt || (job.dueAt === first.dueAt && job.id < first.id)) {
        best = i;
        first = job;
      }
    }
    return best;
  }
}
