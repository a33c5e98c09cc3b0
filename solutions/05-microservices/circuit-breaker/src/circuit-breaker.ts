import { systemClock, type Clock } from "./clock";
import { CircuitBreakerError } from "./errors";
import { guardedCall } from "./guarded-call";
import { callback, count, duration, share, shown } from "./options";
import * as permits from "./permit";
import type { Outcome, OutcomeSink } from "./permit";
import { RollingWindow } from "./rolling-window";
import { changeState, type StateCell } from "./transition";
import { TrialGate } from "./trial-gate";

export type { CancellableTimer, Clock } from "./clock";
export { systemClock } from "./clock";

export type CircuitState = "CLOSED" | "OPEN" | "HALF_OPEN";

export interface StateChange {
  from: CircuitState;
  to: CircuitState;
  at: number;
}

export interface CircuitBreakerOptions {
  clock?: Clock;
  windowMs?: number;
  minimumCalls?: number;
  failureRateThreshold?: number;
  openMs?: number;
  halfOpenTrials?: number;
  callTimeoutMs?: number;
  isFailure?: (error: unknown) => boolean;
  onStateChange?: (change: StateChange) => void;
}

export const DEFAULTS = {
  windowMs: 10_000,
  minimumCalls: 10,
  failureRateThreshold: 0.5,
  openMs: 30_000,
  halfOpenTrials: 1,
  callTimeoutMs: 1_000,
} as const;

export interface Permit {
  success(): void;
  failure(): void;
  ignore(): void;
}

export interface BreakerCounts {
  calls: number;
  failures: number;
  rejected: number;
}

function clockOf(value: unknown): Clock {
  if (value === undefined) return systemClock;
  const clock = value as Partial<Clock> | null;
  if (typeof clock?.now !== "function" || typeof clock.setTimer !== "function") {
    throw new CircuitBreakerError(
      "INVALID_OPTION",
      `clock must have now() and setTimer(ms, callback), got ${shown(value)}; ` +
        "pass a ManualClock in tests, or leave it out for the system clock",
    );
  }
  return value as Clock;
}

const everyError = (): boolean => true;

// Bound once: tryAcquire() makes a permit on every call, and under CommonJS a named import is a
// property read on the module object each time (see docs/authoring.md, "Imports in hot code").
const { BreakerPermit } = permits;

/**
 * The reference: a state cell changed by one function (transition.ts), an epoch that names the
 * current state period (permit.ts drops a report from an older one), an exact rolling window
 * (rolling-window.ts) and a trial gate (trial-gate.ts). See NOTES.md.
 */
export class CircuitBreaker implements OutcomeSink {
  private readonly clock: Clock;
  private readonly minimumCalls: number;
  private readonly failureRateThreshold: number;
  private readonly openMs: number;
  private readonly callTimeoutMs: number;
  private readonly isFailure: (error: unknown) => boolean;
  private readonly onStateChange: ((change: StateChange) => void) | undefined;
  private readonly window: RollingWindow;
  private readonly gate: TrialGate;
  private readonly cell: StateCell = { state: "CLOSED" };
  private period = 0;
  private openedAt = 0;
  private rejected = 0;

  constructor(options: CircuitBreakerOptions = {}) {
    this.clock = clockOf(options.clock);
    this.window = new RollingWindow(duration("windowMs", options.windowMs, DEFAULTS.windowMs));
    this.minimumCalls = count("minimumCalls", options.minimumCalls, DEFAULTS.minimumCalls);
    this.failureRateThreshold = share(
      "failureRateThreshold",
      options.failureRateThreshold,
      DEFAULTS.failureRateThreshold,
    );
    this.openMs = duration("openMs", options.openMs, DEFAULTS.openMs);
    this.gate = new TrialGate(count("halfOpenTrials", options.halfOpenTrials, DEFAULTS.halfOpenTrials));
    this.callTimeoutMs = duration("callTimeoutMs", options.callTimeoutMs, DEFAULTS.callTimeoutMs);
    this.isFailure = callback("isFailure", options.isFailure, everyError, "every error counts");
    this.onStateChange = callback("onStateChange", options.onStateChange, undefined, "no listener");
  }

  get state(): CircuitState {
    return this.cell.state;
  }

  counts(): BreakerCounts {
    const now = this.clock.now();
    return { calls: this.window.calls(now), failures: this.window.failures(now), rejected: this.rejected };
  }

  tryAcquire(): Permit | undefined {
    const state = this.cell.state;
    if (state === "CLOSED" || (state === "HALF_OPEN" && this.gate.tryEnter())) {
      return new BreakerPermit(this, this.period);
    }
    this.rejected++;
    return undefined;
  }

  call<T>(fn: () => Promise<T>): Promise<T> {
    if (typeof fn !== "function") {
      throw new CircuitBreakerError(
        "NOT_A_FUNCTION",
        `call() needs the call to make as a function returning a promise, got ${shown(fn)}`,
      );
    }
    const permit = this.tryAcquire();
    if (permit === undefined) return Promise.reject(new CircuitBreakerError("CIRCUIT_OPEN", this.refusal()));
    return guardedCall(this.clock, this.callTimeoutMs, fn, permit, this.isFailure);
  }

  /** OutcomeSink: the current state period; a permit's report counts only in the one it was granted in. */
  get epoch(): number {
    return this.period;
  }

  /** OutcomeSink: a report from a permit of the current state period. */
  settle(outcome: Outcome): void {
    if (this.cell.state === "CLOSED") {
      if (outcome !== "ignore") this.recordClosed(outcome === "failure");
    } else if (outcome === "failure") {
      this.open();
    } else if (outcome === "ignore") {
      this.gate.giveBack();
    } else if (this.gate.succeed()) {
      this.moveTo("CLOSED");
    }
  }

  private recordClosed(failure: boolean): void {
    const now = this.clock.now();
    this.window.record(now, failure);
    const calls = this.window.calls(now);
    if (calls >= this.minimumCalls && this.window.failures(now) / calls >= this.failureRateThreshold) this.open();
  }

  private open(): void {
    this.openedAt = this.clock.now();
    this.moveTo("OPEN");
  }

  private moveTo(to: CircuitState): void {
    this.period++;
    changeState(this.cell, to, this.clock.now(), () => this.enter(to), this.onStateChange);
  }

  private enter(state: CircuitState): void {
    this.window.clear();
    this.gate.reset();
    // Only this timer leads out of OPEN, so it needs no cancelling and no check of the epoch.
    if (state === "OPEN") this.clock.setTimer(this.openMs, () => this.moveTo("HALF_OPEN"));
  }

  private refusal(): string {
    if (this.cell.state === "OPEN") {
      const until = this.openedAt + this.openMs;
      return (
        `the circuit is OPEN since t=${this.openedAt}: calls fail fast, none reaches the dependency, ` +
        `until it turns HALF_OPEN at t=${until} (in ${until - this.clock.now()} ms)`
      );
    }
    return "the circuit is HALF_OPEN and every trial call is taken: wait for their outcome";
  }
}
