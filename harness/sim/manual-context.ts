/**
 * A NodeContext driven by hand, for unit tests of one node without a network: it records what the
 * node sends and the timers it sets, hands out chosen random values, and fires timers on request.
 * Storage can be shared between two contexts to model a crash and restart.
 */
import { EventQueue, type ScheduledEvent } from "./event-queue";
import type { NodeContext, StableStorage, TimerHandle } from "./simulation";

export interface PendingTimer {
  handle: TimerHandle;
  delayMs: number;
  setAt: number;
  fire(): void;
}

export class ManualContext<M> implements NodeContext<M> {
  readonly sent: { to: string; message: M }[] = [];
  readonly timers = new Map<number, PendingTimer>();
  /** Every delay ever passed to setTimer, in order. */
  readonly timerDelays: number[] = [];
  readonly notes: string[] = [];
  readonly storage: StableStorage;
  private clock = 0;
  private nextTimer = 0;
  /** The same agenda the simulation keeps: the earliest timer first, ties in the order they were set. */
  private readonly agenda = new EventQueue();
  private readonly scheduled = new Map<number, ScheduledEvent>();
  private randomValues: number[];

  constructor(
    readonly id: string,
    readonly peers: readonly string[],
    options: { random?: number[]; storage?: Map<string, unknown> } = {},
  ) {
    this.randomValues = [...(options.random ?? [0.5])];
    const data = options.storage ?? new Map<string, unknown>();
    this.storage = {
      get: <T>(key: string) => (data.has(key) ? (structuredClone(data.get(key)) as T) : undefined),
      set: <T>(key: string, value: T) => void data.set(key, structuredClone(value)),
    };
  }

  now(): number {
    return this.clock;
  }

  /** Moves the clock forward (timers do not fire by themselves: call fire()). */
  advance(ms: number): void {
    this.clock += ms;
  }

  send(to: string, message: M): void {
    this.sent.push({ to, message: structuredClone(message) });
  }

  setTimer(delayMs: number, callback: () => void): TimerHandle {
    const handle = { id: this.nextTimer++ };
    this.timerDelays.push(delayMs);
    const fire = (): void => {
      this.timers.delete(handle.id);
      this.clearScheduled(handle.id);
      callback();
    };
    this.timers.set(handle.id, { handle, delayMs, setAt: this.clock, fire });
    this.scheduled.set(handle.id, this.agenda.push(this.clock + delayMs, fire));
    return handle;
  }

  clearTimer(handle: TimerHandle | undefined): void {
    if (!handle) return;
    this.timers.delete(handle.id);
    this.clearScheduled(handle.id);
  }

  private clearScheduled(id: number): void {
    const event = this.scheduled.get(id);
    if (event) event.cancelled = true;
    this.scheduled.delete(id);
  }

  /** The next of the chosen values, the last one repeating. */
  random(): number {
    return (this.randomValues.length > 1 ? this.randomValues.shift() : this.randomValues[0]) as number;
  }

  log(text: string): void {
    this.notes.push(text);
  }

  /** Fires the pending timer that would go off first. */
  fireNextTimer(): void {
    const next = this.agenda.pop();
    if (!next) throw new Error(`${this.id} has no pending timer to fire`);
    next.run();
  }

  /** Messages sent since the last call, and forgets them. */
  takeSent(): { to: string; message: M }[] {
    return this.sent.splice(0, this.sent.length);
  }
}
