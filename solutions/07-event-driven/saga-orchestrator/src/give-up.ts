import type { SagaLogEntry } from "./saga-log";

/**
 * What a compensation that failed on its last attempt leaves in the log: the saga is stuck at that
 * step, with the last error. Never "compensated": the effect is still in place, and an operator
 * must hear of it.
 */
export function gaveUp<Input>(sagaId: string, step: string, reason: string): SagaLogEntry<Input> {
  return { type: "saga-stuck", sagaId, step, reason };
}
