import { systemClock, type Clock } from "./clock";
import { backoffDelay } from "./backoff";
import { CircuitBreakerError } from "./errors";
import { callback, count, duration, shown } from "./options";

export { backoffDelay } from "./backoff";

export interface RetryOptions {
  clock?: Clock;
  random?: () => number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  isRetryable?: (error: unknown) => boolean;
}

export const RETRY_DEFAULTS = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 10_000 } as const;

interface RetrySettings {
  clock: Clock;
  random: () => number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  isRetryable: (error: unknown) => boolean;
}

function settingsOf(options: RetryOptions): RetrySettings {
  const baseDelayMs = duration("baseDelayMs", options.baseDelayMs, RETRY_DEFAULTS.baseDelayMs, true);
  const maxDelayMs = duration("maxDelayMs", options.maxDelayMs, RETRY_DEFAULTS.maxDelayMs, true);
  if (maxDelayMs < baseDelayMs) {
    throw new CircuitBreakerError(
      "INVALID_OPTION",
      `maxDelayMs (${maxDelayMs}) must be >= baseDelayMs (${baseDelayMs}): it caps every wait`,
    );
  }
  const clock = options.clock ?? systemClock;
  if (typeof clock.setTimer !== "function") {
    throw new CircuitBreakerError("INVALID_OPTION", `clock must have setTimer(ms, callback), got ${shown(clock)}`);
  }
  return {
    clock,
    random: callback("random", options.random, Math.random, "Math.random"),
    maxAttempts: count("maxAttempts", options.maxAttempts, RETRY_DEFAULTS.maxAttempts),
    baseDelayMs,
    maxDelayMs,
    isRetryable: callback("isRetryable", options.isRetryable, (): boolean => true, "every error is retried"),
  };
}

function wait(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(ms, resolve));
}

async function attempts<T>(fn: (attempt: number) => Promise<T>, settings: RetrySettings): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= settings.maxAttempts || !settings.isRetryable(error)) throw error;
      await wait(settings.clock, backoffDelay(attempt, settings));
    }
  }
}

export function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  if (typeof fn !== "function") {
    throw new CircuitBreakerError(
      "NOT_A_FUNCTION",
      `retry() needs the attempt to make as a function returning a promise, got ${shown(fn)}`,
    );
  }
  return attempts(fn, settingsOf(options));
}
