/**
 * A clock and timers that move only when a test says so, for code that takes an injected clock
 * (a circuit breaker's cool-down, a lease, a retry's backoff): `advance(ms)` fires every timer due
 * by then, in time order (ties in the order they were set), and a cancelled timer never fires.
 * The exercise declares the interface it needs (`now()`, `setTimer(ms, callback) -> { cancel() }`);
 * tests pass a ManualClock, production code a wrapper of Date.now and setTimeout.
 */
import { EventQueue, type ScheduledEvent } from "../sim/event-queue";

export interface CancellableTimer {
  cancel(): void;
}

export class ManualClock {
  private clock: number;
  private readonly queue = new EventQueue();

  constructor(startMs = 0) {
    this.clock = startMs;
  }

  now(): number {
    return this.clock;
  }

  setTimer(delayMs: number, callback: () => void): CancellableTimer {
    if (!(delayMs >= 0) || !Number.isFinite(delayMs))
      throw new RangeError(`setTimer needs a finite delay >= 0 ms, got ${delayMs}`);
    const event: ScheduledEvent = this.queue.push(this.clock + delayMs, callback);
    return {
      cancel: () => {
        event.cancelled = true;
      },
    };
  }

  /** Moves the clock `ms` forward, firing each timer due on the way at its own time. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`advance needs a finite number of ms >= 0, got ${ms}`);
    const until = this.clock + ms;
    for (let at = this.queue.peekTime(); at !== undefined && at <= until; at = this.queue.peekTime()) {
      const event = this.queue.pop() as ScheduledEvent;
      this.clock = event.at;
      event.run();
    }
    this.clock = until;
  }

  /** Timers set and neither fired nor cancelled. */
  get pending(): number {
    return this.queue.liveCount();
  }
}
