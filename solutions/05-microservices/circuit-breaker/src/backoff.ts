/**
 * Exponential backoff with full jitter: a wait drawn uniformly from [0, cap), where the cap
 * doubles with each failed attempt up to maxDelayMs.
 */
export function backoffDelay(
  failedAttempts: number,
  options: { baseDelayMs: number; maxDelayMs: number; random: () => number },
): number {
  return options.random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failedAttempts - 1));
}
