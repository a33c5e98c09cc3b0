import { SagaError } from "../src/errors";
import { applyEntry, newRecord, type SagaRecord } from "../src/saga-record";
import type { SagaLogEntry } from "../src/saga-log";

/**
 * Naive: each saga's history read on its own, by filtering the whole log for its id. Correct, and
 * O(sagas x entries): a log of 2,000 sagas is read 2,000 times before the orchestrator can start.
 */
export function replay<Input>(
  entries: readonly SagaLogEntry<Input>[],
  steps: readonly string[],
  now: number,
): Map<string, SagaRecord<Input>> {
  const records = new Map<string, SagaRecord<Input>>();
  for (const entry of entries) {
    if (entry.type !== "saga-started") continue;
    if (records.has(entry.sagaId)) {
      throw new SagaError(
        "CORRUPT_LOG",
        `the log starts saga ${JSON.stringify(entry.sagaId)} twice: saga ids must be unique`,
      );
    }
    const record = newRecord(entry.sagaId, entry.input, records.size, now);
    records.set(entry.sagaId, record);
    const history = entries.filter((e) => e.sagaId === entry.sagaId);
    if (history[0] !== entry) {
      throw new SagaError(
        "CORRUPT_LOG",
        `log entry ${JSON.stringify(history[0])} comes before saga ${JSON.stringify(entry.sagaId)} was started`,
      );
    }
    for (const later of history.slice(1)) applyEntry(record, later, steps, now);
  }
  for (const entry of entries) {
    if (!records.has(entry.sagaId)) {
      throw new SagaError(
        "CORRUPT_LOG",
        `log entry ${JSON.stringify(entry)} belongs to saga ${JSON.stringify(entry.sagaId)}, which the log never started`,
      );
    }
  }
  return records;
}
