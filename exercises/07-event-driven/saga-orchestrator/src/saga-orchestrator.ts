import { notImplemented } from "#kata";
import { SagaError } from "./errors";
import type { SagaLog } from "./saga-log";
import type { SagaStep } from "./steps";
// SagaError is what the finished orchestrator throws (see each method).

export { SagaError, type SagaErrorCode } from "./errors";
export { MemorySagaLog, type SagaLog, type SagaLogEntry } from "./saga-log";
export { StepRejected, type SagaStep, type StepCall } from "./steps";

export interface SagaOptions<Input> {
  /** The steps, run in this order; compensated in the reverse order. At least one. */
  steps: readonly SagaStep<Input>[];
  /** Where every decision is recorded. A new orchestrator on a log that has entries recovers from it. */
  log: SagaLog<Input>;
  /** Milliseconds, injected: the orchestrator never reads the wall clock. */
  clock: () => number;
  /**
   * Attempts of one step's run before its outcome counts as unknown and the saga compensates.
   * Integer >= 1, default 3.
   */
  maxAttempts?: number;
  /** Attempts of one compensation before the saga is stuck. Integer >= 1, default 5. */
  maxCompensationAttempts?: number;
  /** The backoff after the first failed attempt, ms; it doubles after each further one. > 0, default 100. */
  retryDelayMs?: number;
  /** The longest backoff, ms. >= retryDelayMs, default 10_000. */
  maxRetryDelayMs?: number;
}

/** The defaults of every numeric option. */
export const DEFAULTS = {
  maxAttempts: 3,
  maxCompensationAttempts: 5,
  retryDelayMs: 100,
  maxRetryDelayMs: 10_000,
} as const;

/**
 * - running: steps are being run, in order.
 * - compensating: a step failed; what was done is being undone, last step first.
 * - completed: every step ran. compensated: every step that may have taken effect was undone.
 * - stuck: a compensation failed on every attempt; an operator has to look (nothing further is undone).
 */
export type SagaState = "running" | "compensating" | "completed" | "compensated" | "stuck";

/** Why a saga started compensating. */
export interface StepFailure {
  step: string;
  /** "rejected": the service said no. "unknown": every attempt failed some other way. */
  outcome: "rejected" | "unknown";
  /** The error's message. */
  reason: string;
}

export interface SagaStatus {
  id: string;
  state: SagaState;
  /** The steps whose run succeeded, in the order they ran. */
  completed: readonly string[];
  /** The steps compensated so far, in the order they were compensated. */
  compensated: readonly string[];
  /** What sent the saga compensating; undefined if nothing did. */
  failure: StepFailure | undefined;
  /** The compensation that failed on every attempt, and its last error's message; undefined unless stuck. */
  stuck: { step: string; reason: string } | undefined;
  /** When the saga's next attempt is due (ms on the clock); undefined once it is finished. */
  nextAttemptAt: number | undefined;
}

/**
 * Runs sagas: sequences of steps over other services, each undone by a compensation when a later
 * step fails. Nothing runs by itself: start() records a saga, runDue() makes the attempts that are
 * due at the clock's time.
 *
 * One attempt of a running saga runs its next step (each step's run gets the same idempotency key
 * on every attempt, before and after a restart, and a key no other saga or step gets):
 * - it returns: the step is completed; after the last step the saga is completed.
 * - it throws StepRejected: the saga compensates every completed step, last first. The rejected
 *   step took no effect and is not compensated.
 * - it throws anything else: the attempt is retried after a backoff; once `maxAttempts` attempts
 *   have failed, the step's outcome is unknown (it may have taken effect), and the saga
 *   compensates that step first, then every completed one, last first.
 * One attempt of a compensating saga compensates the next step on its list (with a key of its
 * own, the same on every attempt). A failed compensation is retried after a backoff; once
 * `maxCompensationAttempts` have failed, the saga is stuck.
 *
 * Backoff: after an action's n-th failed attempt, the next is due
 * min(maxRetryDelayMs, retryDelayMs * 2^(n-1)) ms later.
 *
 * The log comes first: every change of a saga (started, a step completed or failed, a step
 * compensated, finished) is appended to the log before the orchestrator acts on it, and an error
 * from the log leaves the saga in memory as the log has it. A new orchestrator over a log with
 * entries picks up every unfinished saga where the log left it, due at once, its attempts counted
 * afresh.
 */
export class SagaOrchestrator<Input> {
  /**
   * Reads the log and resumes every unfinished saga in it.
   * @throws SagaError INVALID_OPTION for an option out of range (the message names it); INVALID_STEP
   *   for no steps, a step whose name is empty or taken, or whose run or compensate is not a
   *   function; CORRUPT_LOG for an entry that cannot follow the ones before it (a saga started
   *   twice, an entry of a saga never started or already finished, a step name not among the steps).
   */
  constructor(options: SagaOptions<Input>) {
    notImplemented("new SagaOrchestrator()");
  }

  /**
   * Records a new saga, due at once; nothing runs until runDue().
   * @throws SagaError INVALID_SAGA_ID for an id that is not a non-empty string; DUPLICATE_SAGA for
   *   an id already in the log (its status() says how it went).
   */
  start(sagaId: string, input: Input): SagaStatus {
    return notImplemented("SagaOrchestrator.start");
  }

  /**
   * Makes every attempt due at the clock's time, earliest due first (sagas due at the same time in
   * the order they were started), each saga as far as it can go now. Returns the attempts made.
   * An error from the log is thrown as it is, and what it was about is not done.
   */
  runDue(): number {
    return notImplemented("SagaOrchestrator.runDue");
  }

  /** When the earliest unfinished saga is due; undefined when every saga is finished. */
  get nextDueAt(): number | undefined {
    return notImplemented("SagaOrchestrator.nextDueAt");
  }

  /**
   * @throws SagaError INVALID_SAGA_ID for an id that is not a non-empty string; UNKNOWN_SAGA for
   *   an id never started.
   */
  status(sagaId: string): SagaStatus {
    return notImplemented("SagaOrchestrator.status");
  }
}
