/**
 * The mistake: maxAttempts is read as the number of retries, as Celery's max_retries is, so a
 * media that always fails is attempted maxAttempts + 1 times: the first attempt was not counted.
 */
export { retryDelay } from "../../src/retry-policy";

export function mayRetry(attempts: number, maxAttempts: number): boolean {
  return attempts - 1 < maxAttempts;
}
