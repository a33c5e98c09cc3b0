import type { FacetCount } from "./facet-spec";

/**
 * The order of a facet's values: the larger count first; equal counts, the smaller value first,
 * compared as strings with `<`. A comparator for Array.prototype.sort.
 */
export function byCountThenValue(a: FacetCount, b: FacetCount): number {
  if (a.count !== b.count) return b.count - a.count;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}
