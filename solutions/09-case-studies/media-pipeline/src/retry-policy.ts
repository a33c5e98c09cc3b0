/**
 * When a failed attempt is tried again. maxAttempts counts attempts in all, the first included
 * (Celery's max_retries counts only the retries: max_retries=3 is four attempts).
 */

/** Whether a media that has made `attempts` attempts, the last one failed, gets another. */
export function mayRetry(attempts: number, maxAttempts: number): boolean {
  return attempts < maxAttempts;
}

/** Exponential backoff: after the n-th attempt fails, wait base x 2^(n-1): 1 s, 2 s, 4 s, ... */
export function retryDelay(failedAttempt: number, baseMs: number): number {
  return baseMs * 2 ** (failedAttempt - 1);
}
