import { notImplemented } from "#kata";
import type { Clock } from "./clock";
import { CircuitBreakerError } from "./errors";
// CircuitBreakerError is what the finished retry throws for bad options.

export interface RetryOptions {
  /** Where the waits between attempts are timed. Default: systemClock. */
  clock?: Clock;
  /** Uniform in [0, 1): where the jitter comes from. Default: Math.random. */
  random?: () => number;
  /** Attempts in all, the first one included: an integer >= 1. Default 3. */
  maxAttempts?: number;
  /** The cap of the wait after the first failed attempt, ms (>= 0). Default 100. */
  baseDelayMs?: number;
  /** No wait is ever longer than this, ms (>= baseDelayMs). Default 10_000. */
  maxDelayMs?: number;
  /** Whether an error is worth another attempt; one that is not is thrown at once. Default: every error. */
  isRetryable?: (error: unknown) => boolean;
}

/** The defaults of retry()'s numeric options. */
export const RETRY_DEFAULTS = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 10_000 } as const;

/**
 * The wait after the `failedAttempts`-th failed attempt (1 for the first), with full jitter:
 * `random() * min(maxDelayMs, baseDelayMs * 2 ** (failedAttempts - 1))`. The exponential part
 * spreads a failing dependency's load out over time; the jitter spreads many clients that failed
 * at the same moment, so they do not come back in lockstep.
 */
export function backoffDelay(
  failedAttempts: number,
  options: { baseDelayMs: number; maxDelayMs: number; random: () => number },
): number {
  return notImplemented("backoffDelay");
}

/**
 * Calls `fn(attempt)` (attempt 1, 2, ...) until it resolves, and resolves with its value. After a
 * failed attempt that is retryable and not the last, waits `backoffDelay(...)` on the clock (one
 * call of `random` per wait), then tries again. The last attempt's error, or the first error that
 * is not retryable, is thrown as it is; no wait follows the last attempt.
 * @throws CircuitBreakerError NOT_A_FUNCTION when fn is not a function; INVALID_OPTION when an
 *   option is out of range (both thrown before any attempt, not rejected).
 */
export function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  return notImplemented("retry");
}
