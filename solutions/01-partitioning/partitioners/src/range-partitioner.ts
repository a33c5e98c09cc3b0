import { PartitionError } from "./errors";
import { checkKey } from "./key-check";
import type { Partitioner } from "./partitioner";
import { rangeIndexFor } from "./range-search";
import { checkedRanges, show } from "./range-validation";

export interface KeyRange {
  readonly start: string;
  readonly end?: string;
}

/**
 * Range partitioning. The validated ranges live as two parallel arrays, starts and ends (undefined
 * for an open end), so a lookup is a binary search over plain strings (./range-search): O(log R)
 * comparisons, no allocation. Building is O(R); nothing changes after construction.
 */
export class RangePartitioner implements Partitioner {
  readonly partitionCount: number;
  private readonly list: readonly KeyRange[];
  private readonly starts: string[];
  private readonly ends: (string | undefined)[];

  constructor(ranges: readonly KeyRange[]) {
    this.list = checkedRanges(ranges);
    this.starts = this.list.map((range) => range.start);
    this.ends = this.list.map((range) => range.end);
    this.partitionCount = this.list.length;
  }

  ranges(): KeyRange[] {
    return this.list.map((range) => ({ ...range }));
  }

  partitionFor(key: string): number {
    checkKey(key);
    const i = rangeIndexFor(this.starts, this.ends, key);
    if (i < 0) throw this.notCovered(key);
    return i;
  }

  /** Where an uncovered key fell, for the message: the cold path, so a plain scan is fine. */
  private notCovered(key: string): PartitionError {
    const after = this.list.findIndex((range) => key < range.start);
    const where =
      after === 0
        ? `before the first range, ${show(this.list[0] as KeyRange)}`
        : after === -1
          ? `at or past the end of the last range, ${show(this.list[this.list.length - 1] as KeyRange)}`
          : `in the gap between ${show(this.list[after - 1] as KeyRange)} and ${show(this.list[after] as KeyRange)}`;
    return new PartitionError(
      "KEY_NOT_COVERED",
      `no range holds the key ${JSON.stringify(key)}: it falls ${where}; add a range that covers it (an end is excluded; omit the last range's end for no upper limit)`,
    );
  }
}
