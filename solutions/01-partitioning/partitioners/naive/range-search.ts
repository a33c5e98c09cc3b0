/**
 * The naive range lookup: correct, and slow where it counts. It replaces only the reference's
 * search: the ranges are walked from the first until one holds the key, or one starts after it,
 * O(R) string comparisons per lookup instead of O(log R). The seed's sketch (a loop over the
 * ranges) does exactly this. With 1,000 ranges a lookup compares ~500 starts; with 10,000, ~5,000:
 * the bench's scaling check keeps about 0.1% of its speed from 10 to 10,000 ranges, where a binary
 * search keeps a large share.
 */
export function rangeIndexFor(starts: readonly string[], ends: readonly (string | undefined)[], key: string): number {
  for (let i = 0; i < starts.length; i++) {
    if (key < (starts[i] as string)) return -1; // before this range and past every earlier one: a gap
    const end = ends[i];
    if (end === undefined || key < end) return i;
  }
  return -1;
}
