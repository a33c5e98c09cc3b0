/** How long after an action's n-th failed attempt (n >= 1) its next attempt is due. */
export function backoffDelay(failedAttempts: number, retryDelayMs: number, maxRetryDelayMs: number): number {
  return Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (failedAttempts - 1));
}
