import { applyEntry, type SagaRecord } from "../../src/saga-record";
import type { SagaLog, SagaLogEntry } from "../../src/saga-log";

/** Wrong: memory first, then the log. */
export function commit<Input>(
  log: SagaLog<Input>,
  record: SagaRecord<Input>,
  entry: SagaLogEntry<Input>,
  steps: readonly string[],
  now: number,
): void {
  applyEntry(record, entry, steps, now);
  log.append(entry);
}
