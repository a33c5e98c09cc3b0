import type { SagaLogEntry } from "../../src/saga-log";

/** Wrong: "log it and carry on", as if the compensation had worked. */
export function gaveUp<Input>(sagaId: string, step: string, reason: string): SagaLogEntry<Input> {
  void reason;
  return { type: "step-compensated", sagaId, step };
}
