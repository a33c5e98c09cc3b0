/**
 * Whether a candidate at `distance` with id `id` beats the best so far: nearer, or as near with a
 * smaller id (compared as strings). So the choice never depends on the order a search visits
 * candidates in, which for a spatial index is the order of its cells and slots.
 */
export function beats(distance: number, id: string, bestDistance: number, bestId: string): boolean {
  return distance < bestDistance || (distance === bestDistance && id < bestId);
}
