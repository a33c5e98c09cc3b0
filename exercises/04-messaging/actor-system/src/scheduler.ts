/**
 * Time for the actor system: what ask timeouts and supervisors' restart windows read. Given code.
 *
 * Tests and benches use ManualScheduler, a virtual clock that moves only when told to, so a test
 * can say "99 ms later the ask is still waiting; 1 ms after that it has timed out" without
 * sleeping. A program uses realScheduler.
 */

/** A timer that can be cancelled; cancelling a timer that has fired, or twice, does nothing. */
export interface TimerHandle {
  cancel(): void;
}

export interface Scheduler {
  /** Milliseconds on this scheduler's clock. */
  now(): number;
  /** Calls `callback` once, `delayMs` from now, unless cancelled first. */
  setTimer(delayMs: number, callback: () => void): TimerHandle;
}

/** Wall-clock time and Node's timers. */
export const realScheduler: Scheduler = {
  now: () => performance.now(),
  setTimer(delayMs, callback) {
    const timer = setTimeout(callback, delayMs);
    return { cancel: () => clearTimeout(timer) };
  },
};

interface ManualTimer {
  at: number;
  seq: number;
  callback: () => void;
  live: boolean;
}

/**
 * A virtual clock. Time starts at 0 and moves only by advance(); timers due by then fire in time
 * order (timers due at the same instant in the order they were set), each with now() reading its
 * due time. pendingTimers() counts the timers set and neither fired nor cancelled: what would keep
 * a real process's event loop alive.
 */
export class ManualScheduler implements Scheduler {
  private clock = 0;
  private seq = 0;
  private timers: ManualTimer[] = [];

  now(): number {
    return this.clock;
  }

  setTimer(delayMs: number, callback: () => void): TimerHandle {
    if (!(delayMs >= 0) || !Number.isFinite(delayMs)) {
      throw new RangeError(`setTimer needs a finite delay >= 0 ms, got ${delayMs}`);
    }
    const timer: ManualTimer = { at: this.clock + delayMs, seq: this.seq++, callback, live: true };
    this.timers.push(timer);
    return {
      cancel: () => {
        timer.live = false;
      },
    };
  }

  /** Moves the clock `ms` forward, firing every timer due by then. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`advance needs a finite delay >= 0 ms, got ${ms}`);
    const until = this.clock + ms;
    for (let next = this.nextDue(until); next !== undefined; next = this.nextDue(until)) {
      next.live = false;
      this.clock = next.at;
      next.callback();
    }
    this.clock = until;
  }

  /** Timers set and neither fired nor cancelled. */
  pendingTimers(): number {
    this.timers = this.timers.filter((timer) => timer.live);
    return this.timers.length;
  }

  private nextDue(until: number): ManualTimer | undefined {
    let next: ManualTimer | undefined;
    for (const timer of this.timers) {
      if (!timer.live || timer.at > until) continue;
      if (next === undefined || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq)) next = timer;
    }
    if (this.timers.length > 64) this.timers = this.timers.filter((timer) => timer.live);
    return next;
  }
}
