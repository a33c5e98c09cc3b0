/**
 * The mistake: both ends of a range included, as in the quick sketch's `start <= key <= end`. The
 * search looks for the first range whose end is at or after the key, so a key exactly on a
 * boundary ("h", where ["a", "h") ends and ["h", "o") starts) goes to the range on its LEFT, and a
 * key equal to the last range's end, or to the end before a gap, is placed instead of refused.
 */
export function rangeIndexFor(starts: readonly string[], ends: readonly (string | undefined)[], key: string): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const end = ends[mid];
    if (end !== undefined && end < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && (starts[lo] as string) <= key ? lo : -1;
}
