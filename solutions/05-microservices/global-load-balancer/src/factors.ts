/**
 * Each factor's score in [0, 1], so that weights compare like with like: a raw figure (ms,
 * dollars, 0.9995) would let whichever factor has the largest numbers decide alone.
 */

/** 1 at 0 ms, falling linearly to 0 at the ceiling and staying there. */
export function latencyScore(latencyMs: number, ceilingMs: number): number {
  return latencyMs >= ceilingMs ? 0 : 1 - latencyMs / ceilingMs;
}

/** The share of capacity still free. Only called for regions that are not full. */
export function capacityScore(load: number, capacity: number): number {
  return 1 - load / capacity;
}

/** Relative to the cheapest eligible region, which scores 1; twice its price scores 0.5. */
export function costScore(cheapestCostPerMillion: number, costPerMillion: number): number {
  return cheapestCostPerMillion / costPerMillion;
}

/** Five nines (99.999%) and better score 1. */
const FULL_MARKS_NINES = 5;

/**
 * Availability in nines, over five. Raw availability would not do: 99.9% and 99.999% differ by
 * 0.00099, which no weight can make count, yet one is down 8.8 hours a year and the other 5 minutes.
 */
export function availabilityScore(availability: number): number {
  const nines = -Math.log10(1 - availability);
  return Math.min(1, nines / FULL_MARKS_NINES);
}
