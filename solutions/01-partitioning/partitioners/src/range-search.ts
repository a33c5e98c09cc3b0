/**
 * Finding a key's range: the hot path of every range lookup, which is why it is its own module.
 * The ranges are sorted and do not overlap, so the only range that can hold a key is the last one
 * starting at or before it: a binary search over the starts finds it in O(log ranges) string
 * comparisons, then one comparison with its end settles whether the key is inside or past it.
 */

/** The index of the range holding key (start <= key < end), or -1 when none does. */
export function rangeIndexFor(starts: readonly string[], ends: readonly (string | undefined)[], key: string): number {
  let lo = 0;
  let hi = starts.length;
  // The first range starting after key: every range before it starts at or before key.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as string) <= key) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  if (i < 0) return -1; // before the first range
  const end = ends[i];
  return end === undefined || key < end ? i : -1; // at or past its end: in a gap, or past the last
}
