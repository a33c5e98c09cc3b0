import { applyEntry, type SagaRecord } from "./saga-record";
import type { SagaLog, SagaLogEntry } from "./saga-log";

/**
 * Records one change of a saga: the log first, then memory. If the log throws, the record is left
 * as the log has it, so what status() reports is always what a restart would rebuild.
 */
export function commit<Input>(
  log: SagaLog<Input>,
  record: SagaRecord<Input>,
  entry: SagaLogEntry<Input>,
  steps: readonly string[],
  now: number,
): void {
  log.append(entry);
  applyEntry(record, entry, steps, now);
}
