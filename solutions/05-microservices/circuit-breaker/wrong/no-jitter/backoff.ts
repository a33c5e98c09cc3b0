/** Wrong: plain exponential backoff. Every client that failed together retries together. */
export function backoffDelay(
  failedAttempts: number,
  options: { baseDelayMs: number; maxDelayMs: number; random: () => number },
): number {
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failedAttempts - 1));
}
