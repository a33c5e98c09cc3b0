import { notImplemented } from "#kata";
import type { Clock } from "./clock";
import { CircuitBreakerError } from "./errors";
// CircuitBreakerError is what the finished breaker throws (see each method).

export type { CancellableTimer, Clock } from "./clock";
export { systemClock } from "./clock";

/**
 * CLOSED: calls go through and their outcomes are counted. OPEN: every call fails fast, none
 * reaches the dependency. HALF_OPEN: a few trial calls go through to see whether it recovered.
 */
export type CircuitState = "CLOSED" | "OPEN" | "HALF_OPEN";

/** One state change, as `onStateChange` receives it. */
export interface StateChange {
  from: CircuitState;
  to: CircuitState;
  /** The clock's time of the change. */
  at: number;
}

export interface CircuitBreakerOptions {
  /** Where time comes from. Default: systemClock. */
  clock?: Clock;
  /** The rolling window, ms: an outcome recorded at time t counts while now < t + windowMs. Default 10_000. */
  windowMs?: number;
  /** The fewest outcomes the window must hold before the breaker may open. Default 10. */
  minimumCalls?: number;
  /** The share of failures in the window, in (0, 1], at or above which the breaker opens. Default 0.5. */
  failureRateThreshold?: number;
  /** How long the breaker stays OPEN before it moves to HALF_OPEN by itself, ms. Default 30_000. */
  openMs?: number;
  /** How many trial calls one HALF_OPEN period lets through; that many successes close it. Default 1. */
  halfOpenTrials?: number;
  /** call(): a call unanswered after this long fails with CALL_TIMEOUT and counts as a failure, ms. Default 1_000. */
  callTimeoutMs?: number;
  /**
   * call(): whether an error the dependency's call threw is the dependency's fault. An error for
   * which it returns false (the caller's own bad input, a 404 for a missing record) is passed on
   * to the caller and counts as nothing: neither a failure nor a success. Default: every error.
   */
  isFailure?: (error: unknown) => boolean;
  /** Told of every state change, once each, after the breaker is in the new state. */
  onStateChange?: (change: StateChange) => void;
}

/** The defaults of every numeric option. */
export const DEFAULTS = {
  windowMs: 10_000,
  minimumCalls: 10,
  failureRateThreshold: 0.5,
  openMs: 30_000,
  halfOpenTrials: 1,
  callTimeoutMs: 1_000,
} as const;

/**
 * The right to make one call, from tryAcquire(). Report its outcome exactly once: the breaker
 * counts it at the clock's time of the report. An outcome counts only in the state period its
 * permit was granted in: once the breaker has changed state, a late report changes nothing.
 */
export interface Permit {
  /** The dependency answered. */
  success(): void;
  /** The dependency failed (an error that is its fault, or no answer in time). */
  failure(): void;
  /** The call says nothing about the dependency (the caller's own bad input): not counted at all. */
  ignore(): void;
}

/** What the window holds now, and how many calls the breaker refused since it was made. */
export interface BreakerCounts {
  /** Outcomes in the rolling window at the clock's time (failures included). */
  calls: number;
  /** Failures among them. */
  failures: number;
  /** tryAcquire() refusals (call() refusals included) since the breaker was made. */
  rejected: number;
}

/**
 * A circuit breaker in front of one dependency.
 *
 * - CLOSED: every call is let through. After each outcome is recorded, if the rolling window
 *   holds at least `minimumCalls` outcomes and `failures / calls >= failureRateThreshold`, the
 *   breaker opens.
 * - OPEN: every call is refused (and counted in `rejected`); none reaches the dependency. After
 *   exactly `openMs` the breaker moves to HALF_OPEN by itself, on a timer of the injected clock.
 * - HALF_OPEN: at most `halfOpenTrials` calls are let through in all; the rest are refused. The
 *   first trial failure opens the breaker again (for `openMs` from then); `halfOpenTrials`
 *   successes close it. A trial that is ignored gives its place back to another caller.
 * - The window is emptied when the breaker opens and when it closes; outcomes are only recorded
 *   in CLOSED.
 *
 * Errors are CircuitBreakerErrors (./errors.ts) with a code: see each method.
 */
export class CircuitBreaker {
  /**
   * @throws CircuitBreakerError INVALID_OPTION when an option is out of range: windowMs, openMs,
   *   callTimeoutMs not finite numbers > 0; minimumCalls, halfOpenTrials not integers >= 1;
   *   failureRateThreshold not in (0, 1]; clock without now() and setTimer(); isFailure or
   *   onStateChange given but not functions.
   */
  constructor(options: CircuitBreakerOptions = {}) {
    notImplemented("new CircuitBreaker()");
  }

  /** The state now. */
  get state(): CircuitState {
    return notImplemented("CircuitBreaker.state");
  }

  /** The window's counts at the clock's time, and the refusals so far. */
  counts(): BreakerCounts {
    return notImplemented("CircuitBreaker.counts");
  }

  /**
   * Asks to make one call: a Permit to report its outcome on, or undefined when the call must not
   * be made (OPEN; HALF_OPEN with every trial given out). A refusal is counted in `rejected`.
   * This is the hot path: the bench calls it, and a permit's report, millions of times.
   */
  tryAcquire(): Permit | undefined {
    return notImplemented("CircuitBreaker.tryAcquire");
  }

  /**
   * Calls `fn` through the breaker: a permit first (refused: a CIRCUIT_OPEN rejection, and `fn`
   * is not called), then `fn()` raced against `callTimeoutMs` on the clock. `fn`'s value or error
   * is passed on; its outcome is reported on the permit (an error per `isFailure`). A call still
   * unanswered at `callTimeoutMs` is rejected with CALL_TIMEOUT and counts as a failure at that
   * instant; whatever it does later changes nothing. No timer is left behind once a call settles.
   * @throws CircuitBreakerError NOT_A_FUNCTION when fn is not a function (thrown, not rejected).
   */
  call<T>(fn: () => Promise<T>): Promise<T> {
    return notImplemented("CircuitBreaker.call");
  }
}
