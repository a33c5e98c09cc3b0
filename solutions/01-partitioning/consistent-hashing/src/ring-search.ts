/**
 * Finding a key's point: the first point at or after the key's hash, clockwise. Positions are
 * sorted, so this is a lower-bound binary search: O(log P) steps over one compact Uint32Array, no
 * allocation. It is the hot path of every lookup, which is why it is its own module.
 */

/** Index of the first position >= h; positions.length when every position is below h. */
export function lowerBound(positions: Uint32Array, h: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((positions[mid] as number) < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the point that owns hash h: the first at or after it, wrapping past the end to 0. */
export function pointIndexFor(positions: Uint32Array, h: number): number {
  const index = lowerBound(positions, h);
  return index === positions.length ? 0 : index;
}
