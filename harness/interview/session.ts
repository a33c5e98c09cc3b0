/**
 * The interview's clock and bookkeeping. Time comes from an injected clock (the command passes
 * Date.now; the tests a number they move), so the countdown and the end of the interview are
 * tested without waiting.
 */
export interface InterviewClock {
  now(): number;
}

/** Points a hint costs, out of the exercise's 100: a hint is help an interviewer would note. */
export const HINT_COST = 5;

export function mmss(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

export class InterviewSession {
  readonly startedAt: number;
  private stoppedAt: number | undefined;
  private hints = 0;

  constructor(
    private readonly clock: InterviewClock,
    /** The time allowed, in ms. */
    readonly limitMs: number,
  ) {
    this.startedAt = clock.now();
  }

  /** Time used so far, or in all once stopped; never more than the limit. */
  elapsedMs(): number {
    return Math.min(this.limitMs, (this.stoppedAt ?? this.clock.now()) - this.startedAt);
  }

  remainingMs(): number {
    return this.limitMs - this.elapsedMs();
  }

  isOver(): boolean {
    return this.stoppedAt !== undefined || this.remainingMs() <= 0;
  }

  /** "31:12 left of 45:00", the line the screen shows. */
  countdown(): string {
    return this.isOver()
      ? `time is up (${mmss(this.limitMs)})`
      : `${mmss(this.remainingMs())} left of ${mmss(this.limitMs)}`;
  }

  /** Counts a hint shown during the interview. */
  tookHint(): void {
    this.hints += 1;
  }

  hintsTaken(): number {
    return this.hints;
  }

  /** Stops the clock (the candidate finished early, or time ran out); later calls change nothing. */
  stop(): void {
    this.stoppedAt ??= Math.min(this.clock.now(), this.startedAt + this.limitMs);
  }
}
