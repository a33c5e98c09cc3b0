import { PartitionError } from "./errors";
import { hash32 } from "./hash";
import { checkKey, describe } from "./key-check";
import type { Partitioner } from "./partitioner";

/**
 * Hash partitioning: key -> hash32(key) % partitionCount. O(key length) per key, no state but the
 * count. hash32 is unsigned, so the remainder is never negative.
 */
export class HashPartitioner implements Partitioner {
  readonly partitionCount: number;

  constructor(partitionCount: number) {
    if (!Number.isSafeInteger(partitionCount) || partitionCount < 1) {
      throw new PartitionError(
        "INVALID_PARTITION_COUNT",
        `partitionCount must be a positive integer, got ${describe(partitionCount)}; a partitioner needs at least 1 partition`,
      );
    }
    this.partitionCount = partitionCount;
  }

  partitionFor(key: string): number {
    checkKey(key);
    return hash32(key) % this.partitionCount;
  }
}
