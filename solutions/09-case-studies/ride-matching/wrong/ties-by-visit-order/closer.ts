/**
 * Wrong: only a strictly nearer candidate replaces the best so far, so of two drivers at the same
 * distance the one the search visits first wins: the order of the index's cells and slots, which
 * is the order the drivers came online in, not their ids.
 */
export function beats(distance: number, _id: string, bestDistance: number, _bestId: string): boolean {
  return distance < bestDistance;
}
