import { notImplemented } from "#kata";
import { PartitionError } from "./errors";
import { hash32 } from "./hash";
import type { Partitioner } from "./partitioner";
// PartitionError and hash32 are what the finished partitioner is built from.

/**
 * Hash partitioning: key -> `hash32(key) % partitionCount`. Keys spread evenly whatever their
 * order (timestamps, sequential ids), at the price of range scans (neighbouring keys land on
 * unrelated partitions) and of mass movement when partitionCount changes: going from N to N + 1
 * partitions moves about N / (N + 1) of all keys.
 */
export class HashPartitioner implements Partitioner {
  readonly partitionCount: number;

  /**
   * @param partitionCount how many partitions: a positive integer.
   * @throws PartitionError INVALID_PARTITION_COUNT when partitionCount is not a positive integer
   *   (0, -2, 2.5, NaN, Infinity, "4").
   */
  constructor(partitionCount: number) {
    this.partitionCount = partitionCount;
    notImplemented(`new HashPartitioner(${String(partitionCount)})`);
  }

  /**
   * `hash32(key) % partitionCount`: an integer in 0 .. partitionCount - 1, the same on every run
   * and machine. This is the hot path: the bench calls it millions of times.
   * @throws PartitionError INVALID_KEY for a non-string key; EMPTY_KEY for "".
   */
  partitionFor(key: string): number {
    return notImplemented(`HashPartitioner.partitionFor(${JSON.stringify(key)})`);
  }
}
