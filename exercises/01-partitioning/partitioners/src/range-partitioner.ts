import { notImplemented } from "#kata";
import { PartitionError } from "./errors";
import type { Partitioner } from "./partitioner";
// PartitionError is what every refusal below is raised as.

/**
 * One partition's slice of the key space, half-open: `start <= key < end`.
 *
 * Keys compare as JavaScript strings (`<`, UTF-16 code unit by code unit: the order
 * `Array.prototype.sort()` gives), so "Zoe" < "alice" and "h" < "ha" < "hb".
 */
export interface KeyRange {
  /** The smallest key in the range: included. "" means "from the very first key". */
  readonly start: string;
  /** The first key after the range: excluded. Omitted: no upper limit (only the last range can be). */
  readonly end?: string;
}

/**
 * Range partitioning: partition i owns `ranges[i]`. Neighbouring keys share a partition, so a
 * range scan ("every order of customer 42", "last hour's events") reads one or a few partitions;
 * the price is hot spots when writes concentrate on one range (monotonically increasing keys
 * such as timestamps all land on the last range).
 *
 * Ranges are listed in key order and do not overlap; gaps between them are allowed, and a key in
 * a gap, before the first range or at/after the last range's end belongs to no partition: it is
 * refused with KEY_NOT_COVERED, never quietly sent to some partition.
 */
export class RangePartitioner implements Partitioner {
  readonly partitionCount: number;

  /**
   * @param ranges partition i's range is `ranges[i]`; in key order, not overlapping.
   * @throws PartitionError, checked range by range in list order:
   *   - INVALID_PARTITION_COUNT for an empty list (a partitioner needs at least one partition);
   *   - INVALID_RANGE when the list is not an array, or a range is not `{ start: string, end?: string }`,
   *     or its end is not after its start (`{ start: "m", end: "m" }` is empty, `{ start: "m", end: "a" }` inverted);
   *   - UNSORTED_RANGES when a range starts before the one listed just before it starts;
   *   - OVERLAPPING_RANGES when a range starts before the one listed just before it ends (a range
   *     without an end, not listed last, overlaps whatever follows it).
   */
  constructor(ranges: readonly KeyRange[]) {
    this.partitionCount = ranges.length;
    notImplemented("new RangePartitioner()");
  }

  /** The ranges, in partition order: a copy, so changing it changes nothing here. */
  ranges(): KeyRange[] {
    return notImplemented("RangePartitioner.ranges");
  }

  /**
   * The partition whose range holds `key`: the i with `ranges[i].start <= key < ranges[i].end`.
   * A key exactly on a boundary (one range's end, the next one's start) belongs to the range that
   * STARTS at it. This is the hot path: the bench calls it on up to 10,000 ranges and expects
   * O(log ranges), a binary search.
   * @throws PartitionError INVALID_KEY for a non-string key; EMPTY_KEY for ""; KEY_NOT_COVERED when
   *   no range holds the key (the message says where it fell and what would cover it).
   */
  partitionFor(key: string): number {
    return notImplemented(`RangePartitioner.partitionFor(${JSON.stringify(key)})`);
  }
}
