/**
 * The saga log: the orchestrator's only memory that survives a crash. Given code: use it as it is.
 *
 * Every decision is appended here before the orchestrator acts on it in memory, so that a new
 * orchestrator reading the same log after a crash knows every saga that was started, every step
 * that completed, and which sagas were already compensating. In production this is a table or a
 * stream (Temporal keeps a workflow's event history, AWS Step Functions its execution history);
 * here it is an array.
 */

export type SagaLogEntry<Input> =
  | { readonly type: "saga-started"; readonly sagaId: string; readonly input: Input }
  | { readonly type: "step-completed"; readonly sagaId: string; readonly step: string }
  | {
      readonly type: "step-failed";
      readonly sagaId: string;
      readonly step: string;
      /** "rejected": the service said no (StepRejected). "unknown": every attempt failed otherwise. */
      readonly outcome: "rejected" | "unknown";
      readonly reason: string;
    }
  | { readonly type: "step-compensated"; readonly sagaId: string; readonly step: string }
  | { readonly type: "saga-completed"; readonly sagaId: string }
  | { readonly type: "saga-compensated"; readonly sagaId: string }
  | { readonly type: "saga-stuck"; readonly sagaId: string; readonly step: string; readonly reason: string };

export interface SagaLog<Input> {
  /** Stores `entry` durably, after every entry appended before it; throws when it cannot. */
  append(entry: SagaLogEntry<Input>): void;
  /** Every entry stored, in the order appended. */
  entries(): readonly SagaLogEntry<Input>[];
}

/** A log in memory: what the tests and the bench use. */
export class MemorySagaLog<Input> implements SagaLog<Input> {
  private readonly stored: SagaLogEntry<Input>[] = [];

  append(entry: SagaLogEntry<Input>): void {
    this.stored.push(entry);
  }

  entries(): readonly SagaLogEntry<Input>[] {
    return this.stored;
  }
}
