/**
 * Time for exercises that set timers, imported as `#kata/clock`. Code that takes a `Clock` never
 * reads the wall clock or calls setTimeout itself: tests pass a ManualClock (`#kata/testing`),
 * which moves only when the test says so and fires its timers in time order; production code
 * passes `systemClock`.
 */
export interface CancellableTimer {
  /** Stops the timer; a cancelled timer never fires. Cancelling twice is harmless. */
  cancel(): void;
}

export interface Clock {
  /** Milliseconds on a clock that never goes back. */
  now(): number;
  /** Runs `callback` once, `delayMs` from now. */
  setTimer(delayMs: number, callback: () => void): CancellableTimer;
}

/** The real clock: a monotonic `performance.now()`, and timers that do not keep a process alive. */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer(delayMs, callback) {
    const timer = setTimeout(callback, delayMs);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};
