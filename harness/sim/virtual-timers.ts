/**
 * Virtual time for async code: `sleep(ms)` returns a promise that settles when the virtual clock
 * reaches it, and `runUntilIdle()` moves the clock from timer to timer, letting every promise
 * reaction run between two timers. Code that awaits I/O (a cache's loader, a retry's backoff) can
 * then be measured in virtual milliseconds, deterministically and instantly.
 */
export class VirtualTimers {
  private clock = 0;
  private seq = 0;
  private readonly pending: Array<{ at: number; seq: number; resolve: () => void }> = [];

  now(): number {
    return this.clock;
  }

  sleep(ms: number): Promise<void> {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`sleep needs a finite delay >= 0 ms, got ${ms}`);
    return new Promise((resolve) => {
      this.pending.push({ at: this.clock + ms, seq: this.seq++, resolve });
    });
  }

  /** Fires timers in time order until none is left (or `maxMs` of virtual time has passed). */
  async runUntilIdle(maxMs = Number.POSITIVE_INFINITY): Promise<void> {
    const deadline = this.clock + maxMs;
    await settle();
    while (this.pending.length > 0) {
      this.pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.pending[0] as { at: number; resolve: () => void };
      if (next.at > deadline) break;
      this.pending.shift();
      this.clock = next.at;
      next.resolve();
      await settle();
    }
  }
}

/** Lets every queued promise reaction run (a macrotask turn drains the microtask queue). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
