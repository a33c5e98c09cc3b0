import { compensationPlan } from "./compensation-plan";
import { SagaError } from "./errors";
import type { SagaState, SagaStatus, StepFailure } from "./saga-orchestrator";
import type { SagaLogEntry } from "./saga-log";

/** What the orchestrator knows of one saga: exactly what its log entries say, plus when it is due. */
export interface SagaRecord<Input> {
  readonly id: string;
  readonly input: Input;
  /** The order it was started in: breaks ties between sagas due at the same instant. */
  readonly seq: number;
  state: SagaState;
  readonly completed: string[];
  readonly compensated: string[];
  /** Steps still to compensate, next first. */
  readonly toCompensate: string[];
  failure: StepFailure | undefined;
  stuck: { step: string; reason: string } | undefined;
  /** Failed attempts of the current action (not logged: a restart counts afresh). */
  failedAttempts: number;
  dueAt: number;
}

export function isFinished(record: SagaRecord<unknown>): boolean {
  return record.state === "completed" || record.state === "compensated" || record.state === "stuck";
}

export function newRecord<Input>(id: string, input: Input, seq: number, now: number): SagaRecord<Input> {
  return {
    id,
    input,
    seq,
    state: "running",
    completed: [],
    compensated: [],
    toCompensate: [],
    failure: undefined,
    stuck: undefined,
    failedAttempts: 0,
    dueAt: now,
  };
}

function corrupt(entry: SagaLogEntry<unknown>, why: string): SagaError {
  return new SagaError(
    "CORRUPT_LOG",
    `log entry ${JSON.stringify(entry)} cannot follow the ones before it: ${why}. Was the log written by another saga definition, or edited?`,
  );
}

/**
 * Applies one log entry (not saga-started) to its saga's record: the one transition function the
 * live orchestrator and the recovery share, so a recovered saga is the saga that was logged.
 * `steps` are the step names in order. The saga is due at `now` after any change.
 */
export function applyEntry<Input>(
  record: SagaRecord<Input>,
  entry: SagaLogEntry<Input>,
  steps: readonly string[],
  now: number,
): void {
  const next = steps[record.completed.length];
  switch (entry.type) {
    case "saga-started":
      throw corrupt(entry, `saga ${entry.sagaId} was already started`);
    case "step-completed":
      if (record.state !== "running" || entry.step !== next) {
        throw corrupt(entry, `saga ${record.id} is ${record.state}, its next step ${String(next)}`);
      }
      record.completed.push(entry.step);
      break;
    case "step-failed":
      if (record.state !== "running" || entry.step !== next) {
        throw corrupt(entry, `saga ${record.id} is ${record.state}, its next step ${String(next)}`);
      }
      record.state = "compensating";
      record.failure = { step: entry.step, outcome: entry.outcome, reason: entry.reason };
      record.toCompensate.push(...compensationPlan(record.completed, entry.step, entry.outcome));
      break;
    case "step-compensated":
      if (record.state !== "compensating" || entry.step !== record.toCompensate[0]) {
        throw corrupt(
          entry,
          `saga ${record.id} is ${record.state}, next to compensate ${String(record.toCompensate[0])}`,
        );
      }
      record.toCompensate.shift();
      record.compensated.push(entry.step);
      break;
    case "saga-completed":
      if (record.state !== "running" || next !== undefined) {
        throw corrupt(entry, `saga ${record.id} is ${record.state} with step ${String(next)} still to run`);
      }
      record.state = "completed";
      break;
    case "saga-compensated":
      if (record.state !== "compensating" || record.toCompensate.length > 0) {
        throw corrupt(
          entry,
          `saga ${record.id} is ${record.state} with ${record.toCompensate.length} step(s) to compensate`,
        );
      }
      record.state = "compensated";
      break;
    case "saga-stuck":
      if (record.state !== "compensating" || entry.step !== record.toCompensate[0]) {
        throw corrupt(
          entry,
          `saga ${record.id} is ${record.state}, next to compensate ${String(record.toCompensate[0])}`,
        );
      }
      record.state = "stuck";
      record.stuck = { step: entry.step, reason: entry.reason };
      break;
  }
  record.failedAttempts = 0;
  record.dueAt = now;
}

export function statusOf(record: SagaRecord<unknown>): SagaStatus {
  return {
    id: record.id,
    state: record.state,
    completed: [...record.completed],
    compensated: [...record.compensated],
    failure: record.failure === undefined ? undefined : { ...record.failure },
    stuck: record.stuck === undefined ? undefined : { ...record.stuck },
    nextAttemptAt: isFinished(record) ? undefined : record.dueAt,
  };
}
