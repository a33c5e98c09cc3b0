/**
 * The naive ring: correct, and slow where it counts. It replaces only the reference's search: the
 * owner of a hash is found by walking the sorted points from the start until one is at or past the
 * hash, O(P) per lookup instead of O(log P). With 10 nodes of 160 points a lookup walks ~800
 * points; with 1,000 nodes, ~80,000. The bench's scaling check exists to catch exactly this: the
 * walk keeps about 1% of its speed when the ring grows 100-fold, a binary search over half.
 */
export function pointIndexFor(positions: Uint32Array, h: number): number {
  for (let i = 0; i < positions.length; i++) {
    if ((positions[i] as number) >= h) return i;
  }
  return 0; // past the last point: wrap to the first
}
