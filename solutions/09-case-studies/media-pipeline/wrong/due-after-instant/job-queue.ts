/**
 * The mistake: a job counts as due only once its instant has passed (`dueAt < now`), so a retry
 * scheduled for t does not run at t. On a worker that wakes exactly at nextDueAt, it finds nothing
 * to do and sleeps again.
 */
import type { Job } from "../../src/job-queue";

export { JobQueue, type Job } from "../../src/job-queue";

export function isDue(job: Job, now: number): boolean {
  return job.dueAt < now;
}
