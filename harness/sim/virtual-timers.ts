/**
 * Virtual time for async code: `sleep(ms)` returns a promise that settles when the virtual clock
 * reaches it, and `runUntilIdle()` moves the clock from timer to timer, letting every promise
 * reaction run between two timers. Code that awaits I/O (a cache's loader, a retry's backoff) can
 * then be measured in virtual milliseconds, deterministically and instantly.
 */
import { flushPromises } from "../kata/async";
import { EventQueue } from "./event-queue";

export class VirtualTimers {
  private clock = 0;
  private readonly queue = new EventQueue();

  now(): number {
    return this.clock;
  }

  sleep(ms: number): Promise<void> {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`sleep needs a finite delay >= 0 ms, got ${ms}`);
    return new Promise((resolve) => {
      this.queue.push(this.clock + ms, resolve);
    });
  }

  /** Fires timers in time order until none is left (or `maxMs` of virtual time has passed). */
  async runUntilIdle(maxMs = Number.POSITIVE_INFINITY): Promise<void> {
    const deadline = this.clock + maxMs;
    await flushPromises();
    for (let at = this.queue.peekTime(); at !== undefined && at <= deadline; at = this.queue.peekTime()) {
      const next = this.queue.pop();
      if (next === undefined) break;
      this.clock = next.at;
      next.run();
      await flushPromises();
    }
  }
}
