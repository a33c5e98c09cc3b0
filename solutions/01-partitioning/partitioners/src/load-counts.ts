import { PartitionError } from "./errors";
import { describe } from "./key-check";
import type { Partitioner } from "./partitioner";
import type { KeyRecord } from "./skew-report";

export interface LoadCounts {
  readonly keys: number[];
  readonly bytes: number[];
}

/**
 * Records and bytes per partition, counted into fresh arrays on every call (a report must never
 * see an earlier report's counts). Each record is checked before it is placed.
 */
export function countLoads(partitioner: Partitioner, records: readonly KeyRecord[]): LoadCounts {
  if (!Array.isArray(records)) {
    throw new PartitionError("INVALID_RECORD", `records must be an array of { key, bytes }, got ${describe(records)}`);
  }
  const keys = new Array<number>(partitioner.partitionCount).fill(0);
  const bytes = new Array<number>(partitioner.partitionCount).fill(0);
  for (const [i, record] of records.entries()) {
    const size = sizeOf(record, i);
    const partition = partitioner.partitionFor((record as KeyRecord).key);
    keys[partition] = (keys[partition] as number) + 1;
    bytes[partition] = (bytes[partition] as number) + size;
  }
  return { keys, bytes };
}

function sizeOf(record: unknown, i: number): number {
  if (typeof record !== "object" || record === null) {
    throw new PartitionError("INVALID_RECORD", `record ${i} must be an object { key, bytes }, got ${describe(record)}`);
  }
  const { bytes } = record as { bytes?: unknown };
  // Number.isSafeInteger is false for anything but a number: "10", NaN, 1.5, Infinity, 2^53.
  if (!Number.isSafeInteger(bytes) || (bytes as number) < 0) {
    throw new PartitionError(
      "INVALID_RECORD",
      `record ${i} has bytes ${describe(bytes)}; a record's size must be a whole number of bytes, 0 or more`,
    );
  }
  return bytes as number;
}
