/**
 * The mistake: the ranges are checked one by one and for order, but never against each other's
 * ends, so ["a", "k") followed by ["h", "o") is accepted. Keys from "h" to "k" then have two
 * partitions, and which one they get depends on how the lookup searches.
 */
import { PartitionError } from "../../src/errors";
import type { KeyRange } from "../../src/range-partitioner";
import { checkedRanges as reference, show } from "../../src/range-validation";

export { show } from "../../src/range-validation";

export function checkedRanges(ranges: readonly KeyRange[]): KeyRange[] {
  // Each range checked on its own (one at a time, so no pair can overlap), then only their order.
  const copies = Array.isArray(ranges) ? ranges.map((range) => reference([range])[0] as KeyRange) : reference(ranges);
  if (copies.length === 0) return reference(copies);
  for (let i = 1; i < copies.length; i++) {
    const previous = copies[i - 1] as KeyRange;
    const current = copies[i] as KeyRange;
    if (current.start < previous.start) {
      throw new PartitionError(
        "UNSORTED_RANGES",
        `range ${i}, ${show(current)}, starts before range ${i - 1}, ${show(previous)}`,
      );
    }
  }
  return copies;
}
