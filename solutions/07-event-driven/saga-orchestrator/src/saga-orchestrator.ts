import { SagaError } from "./errors";
import { backoffDelay } from "./backoff";
import { DueQueue } from "./due-queue";
import { compensationKey, runKey } from "./idempotency-key";
import { replay } from "./replay";
import { commit } from "./commit";
import { gaveUp } from "./give-up";
import { isFinished, newRecord, statusOf, type SagaRecord } from "./saga-record";
import { settingsOf, stepIndexOf, type Settings } from "./settings";
import type { SagaLog, SagaLogEntry } from "./saga-log";
import { StepRejected, type SagaStep } from "./steps";

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
  private readonly steps: readonly SagaStep<Input>[];
  private readonly names: readonly string[];
  private readonly stepIndex: Map<string, number>;
  private readonly log: SagaLog<Input>;
  private readonly clock: () => number;
  private readonly settings: Settings;
  private readonly records: Map<string, SagaRecord<Input>>;
  private readonly due = new DueQueue<SagaRecord<Input>>();

  constructor(options: SagaOptions<Input>) {
    this.settings = settingsOf(options);
    this.stepIndex = stepIndexOf(options.steps);
    this.steps = [...options.steps];
    this.names = this.steps.map((step) => step.name);
    this.log = options.log;
    this.clock = options.clock;
    this.records = replay(this.log.entries(), this.names, this.clock());
    for (const record of this.records.values()) if (!isFinished(record)) this.due.push(record);
  }

  start(sagaId: string, input: Input): SagaStatus {
    checkId(sagaId, "start");
    const known = this.records.get(sagaId);
    if (known !== undefined) {
      throw new SagaError(
        "DUPLICATE_SAGA",
        `saga ${JSON.stringify(sagaId)} was already started (it is ${known.state}); status(id) says how it went, and a new saga needs a new id`,
      );
    }
    this.log.append({ type: "saga-started", sagaId, input });
    const record = newRecord(sagaId, input, this.records.size, this.clock());
    this.records.set(sagaId, record);
    this.due.push(record);
    return statusOf(record);
  }

  runDue(): number {
    const now = this.clock();
    let attempts = 0;
    for (;;) {
      const record = this.due.peek();
      if (record === undefined || record.dueAt > now) return attempts;
      // It stays on top until the attempt is over: if the log throws, it is still due.
      attempts += this.attempt(record, now);
      this.due.pop();
      if (!isFinished(record)) this.due.push(record);
    }
  }

  get nextDueAt(): number | undefined {
    return this.due.peek()?.dueAt;
  }

  status(sagaId: string): SagaStatus {
    checkId(sagaId, "status");
    const record = this.records.get(sagaId);
    if (record === undefined) {
      throw new SagaError(
        "UNKNOWN_SAGA",
        `no saga ${JSON.stringify(sagaId)} was ever started here (ids are the ones given to start())`,
      );
    }
    return statusOf(record);
  }

  /** One attempt of the saga's next action; returns 1 if it called a step, 0 for bookkeeping. */
  private attempt(record: SagaRecord<Input>, now: number): number {
    if (record.state === "running") {
      const step = this.steps[record.completed.length];
      if (step === undefined) {
        this.commit(record, { type: "saga-completed", sagaId: record.id }, now);
        return 0;
      }
      this.runStep(record, step, now);
      return 1;
    }
    const name = record.toCompensate[0];
    if (name === undefined) {
      this.commit(record, { type: "saga-compensated", sagaId: record.id }, now);
      return 0;
    }
    this.compensateStep(record, this.steps[this.stepIndex.get(name) as number] as SagaStep<Input>, now);
    return 1;
  }

  private runStep(record: SagaRecord<Input>, step: SagaStep<Input>, now: number): void {
    const attempt = record.failedAttempts + 1;
    try {
      step.run({ sagaId: record.id, input: record.input, idempotencyKey: runKey(record.id, step.name), attempt });
    } catch (error) {
      if (error instanceof StepRejected) {
        this.fail(record, step, "rejected", error, now);
      } else if (attempt >= this.settings.maxAttempts) {
        this.fail(record, step, "unknown", error, now);
      } else {
        this.retryLater(record, now);
      }
      return;
    }
    this.commit(record, { type: "step-completed", sagaId: record.id, step: step.name }, now);
  }

  private compensateStep(record: SagaRecord<Input>, step: SagaStep<Input>, now: number): void {
    const attempt = record.failedAttempts + 1;
    try {
      step.compensate({
        sagaId: record.id,
        input: record.input,
        idempotencyKey: compensationKey(record.id, step.name),
        attempt,
      });
    } catch (error) {
      if (attempt >= this.settings.maxCompensationAttempts) {
        this.commit(record, gaveUp(record.id, step.name, messageOf(error)), now);
      } else {
        this.retryLater(record, now);
      }
      return;
    }
    this.commit(record, { type: "step-compensated", sagaId: record.id, step: step.name }, now);
  }

  private fail(
    record: SagaRecord<Input>,
    step: SagaStep<Input>,
    outcome: "rejected" | "unknown",
    error: unknown,
    now: number,
  ): void {
    this.commit(
      record,
      { type: "step-failed", sagaId: record.id, step: step.name, outcome, reason: messageOf(error) },
      now,
    );
  }

  private retryLater(record: SagaRecord<Input>, now: number): void {
    record.failedAttempts++;
    const { retryDelayMs, maxRetryDelayMs } = this.settings;
    record.dueAt = now + backoffDelay(record.failedAttempts, retryDelayMs, maxRetryDelayMs);
  }

  private commit(record: SagaRecord<Input>, entry: SagaLogEntry<Input>, now: number): void {
    commit(this.log, record, entry, this.names, now);
  }
}

function checkId(sagaId: unknown, call: string): void {
  if (typeof sagaId !== "string" || sagaId === "") {
    throw new SagaError(
      "INVALID_SAGA_ID",
      `${call}(${JSON.stringify(sagaId) ?? String(sagaId)}): a saga id must be a non-empty string, such as the order's id`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
