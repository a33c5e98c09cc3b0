import type { FacetCount } from "../../src/facet-spec";

/** Wrong: by count only; equal counts keep the order the values were first seen in (sort is stable). */
export function byCountThenValue(a: FacetCount, b: FacetCount): number {
  return b.count - a.count;
}
