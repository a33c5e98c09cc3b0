/**
 * The one interface every partitioner implements (given code). A router, a bulk loader or the
 * skew report needs nothing else: which partition owns a key, out of how many.
 */
export interface Partitioner {
  /** How many partitions there are; partitions are numbered 0 .. partitionCount - 1. */
  readonly partitionCount: number;

  /**
   * The partition that owns `key`: an integer from 0 to partitionCount - 1, the same every time
   * for the same key and the same partitioner.
   * @throws PartitionError INVALID_KEY for a non-string key, EMPTY_KEY for "", and whatever else
   *   the partitioner documents (KEY_NOT_COVERED for a range partitioner).
   */
  partitionFor(key: string): number;
}
