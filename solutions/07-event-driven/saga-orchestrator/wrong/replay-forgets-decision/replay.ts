import { SagaError } from "../../src/errors";
import { applyEntry, newRecord, type SagaRecord } from "../../src/saga-record";
import type { SagaLogEntry } from "../../src/saga-log";

/**
 * Every saga in the log, rebuilt in one pass over it (O(entries)), in the order they were started.
 * A restart after a crash reads the whole log before anything else can run, so its cost is the
 * outage's length: one pass, not one pass per saga.
 */
export function replay<Input>(
  entries: readonly SagaLogEntry<Input>[],
  steps: readonly string[],
  now: number,
): Map<string, SagaRecord<Input>> {
  const records = new Map<string, SagaRecord<Input>>();
  for (const entry of entries) {
    const record = records.get(entry.sagaId);
    if (entry.type === "saga-started") {
      if (record !== undefined) {
        throw new SagaError(
          "CORRUPT_LOG",
          `the log starts saga ${JSON.stringify(entry.sagaId)} twice: saga ids must be unique`,
        );
      }
      records.set(entry.sagaId, newRecord(entry.sagaId, entry.input, records.size, now));
      continue;
    }
    if (record === undefined) {
      throw new SagaError(
        "CORRUPT_LOG",
        `log entry ${JSON.stringify(entry)} belongs to saga ${JSON.stringify(entry.sagaId)}, which the log never started`,
      );
    }
    applyEntry(record, entry, steps, now);
  }
  // Wrong: an unfinished saga resumes forward from its last completed step, whatever it had decided.
  for (const record of records.values()) {
    if (record.state !== "compensating") continue;
    record.state = "running";
    record.failure = undefined;
    record.toCompensate.length = 0;
  }
  return records;
}
