import { PartitionError } from "./errors";
import { describe } from "./key-check";
import type { KeyRange } from "./range-partitioner";

/**
 * The checks a range list passes before it routes a single key, range by range in list order:
 * each range on its own (strings, end after start), then against the one before it (sorted, not
 * overlapping). Gaps are allowed. Returns the ranges as plain copies, so a caller that changes its
 * list afterwards cannot slip an overlap past these checks.
 */
export function checkedRanges(ranges: readonly KeyRange[]): KeyRange[] {
  if (!Array.isArray(ranges)) {
    throw new PartitionError("INVALID_RANGE", `ranges must be an array of { start, end? }, got ${describe(ranges)}`);
  }
  if (ranges.length === 0) {
    throw new PartitionError(
      "INVALID_PARTITION_COUNT",
      'a range partitioner needs at least 1 range, got an empty list; one range { start: "" } covers every key',
    );
  }
  const copies: KeyRange[] = [];
  let previous: KeyRange | undefined;
  for (const [i, range] of ranges.entries()) {
    const current = checkedRange(range, i);
    if (previous !== undefined) checkOrder(previous, current, i);
    copies.push(current);
    previous = current;
  }
  return copies;
}

function checkedRange(range: unknown, i: number): KeyRange {
  if (typeof range !== "object" || range === null) {
    throw new PartitionError("INVALID_RANGE", `range ${i} must be an object { start, end? }, got ${describe(range)}`);
  }
  const { start, end } = range as { start?: unknown; end?: unknown };
  if (typeof start !== "string" || (end !== undefined && typeof end !== "string")) {
    throw new PartitionError(
      "INVALID_RANGE",
      `range ${i} needs a string start and, unless it is open-ended, a string end; got start ${describe(start)}, end ${describe(end)}`,
    );
  }
  if (end === undefined) return { start };
  if (end <= start) {
    throw new PartitionError(
      "INVALID_RANGE",
      `range ${i}, ${show({ start, end })}, holds no key: its end must come after its start (start is included, end is not)`,
    );
  }
  return { start, end };
}

function checkOrder(previous: KeyRange, current: KeyRange, i: number): void {
  if (current.start < previous.start) {
    throw new PartitionError(
      "UNSORTED_RANGES",
      `range ${i}, ${show(current)}, starts before range ${i - 1}, ${show(previous)}: list ranges in key order (partition i is ranges[i])`,
    );
  }
  if (previous.end === undefined || current.start < previous.end) {
    const fix =
      previous.end === undefined
        ? "only the last range may be open-ended"
        : `start range ${i} at or after ${JSON.stringify(previous.end)}`;
    throw new PartitionError(
      "OVERLAPPING_RANGES",
      `range ${i}, ${show(current)}, overlaps range ${i - 1}, ${show(previous)}, so some keys would have two partitions: ${fix}`,
    );
  }
}

/** A range as messages write it: ["a", "h") is half-open, ["o", ...) has no end. */
export function show(range: KeyRange): string {
  return `[${JSON.stringify(range.start)}, ${range.end === undefined ? "..." : JSON.stringify(range.end)})`;
}
