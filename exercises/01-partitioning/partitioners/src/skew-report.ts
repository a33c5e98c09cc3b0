import { notImplemented } from "#kata";
import { PartitionError } from "./errors";
import type { Partitioner } from "./partitioner";
// PartitionError is what a bad record is refused with.

/** One row (or one write) to place: its key, and its size in bytes. */
export interface KeyRecord {
  readonly key: string;
  /** A whole number of bytes, 0 or more. */
  readonly bytes: number;
}

/** What one partition would hold. */
export interface PartitionLoad {
  readonly partition: number;
  /** How many records map here (a key listed twice counts twice: it is two rows, or two writes). */
  readonly keys: number;
  /** The sum of those records' bytes. */
  readonly bytes: number;
}

/** The busiest partition by one measure. */
export interface Hotspot {
  /** The partition with the largest value; on a tie, the lowest partition number. */
  readonly partition: number;
  /** Its value over the total of all partitions, 0 to 1 (0 when the total is 0). */
  readonly share: number;
  /** Its value over the mean per partition (share x partitionCount): 1 is perfectly even. */
  readonly overMean: number;
}

export interface SkewReport {
  /** One entry per partition, partition 0 first, partitions that got nothing included. */
  readonly partitions: PartitionLoad[];
  readonly totalKeys: number;
  readonly totalBytes: number;
  /** The partition with the most records. */
  readonly hottestByKeys: Hotspot;
  /** The partition with the most bytes: not necessarily the one with the most records. */
  readonly hottestByBytes: Hotspot;
}

/**
 * How evenly `records` would spread over `partitioner`'s partitions: what to look at before
 * choosing a shard key. Every figure is an exact count of these records, computed fresh on each
 * call; the records and the partitioner are not changed.
 * @throws PartitionError INVALID_RECORD when records is not an array, or a record is not an object
 *   with a `bytes` that is a whole number >= 0 (the message names the record's index); and
 *   whatever `partitioner.partitionFor` throws for a record's key (EMPTY_KEY, KEY_NOT_COVERED...).
 */
export function skewReport(partitioner: Partitioner, records: readonly KeyRecord[]): SkewReport {
  return notImplemented("skewReport");
}
