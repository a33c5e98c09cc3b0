import type { FacetStore } from "../../src/facet-store";
import type { FacetFilter } from "../../src/selection";

export { passes, type FacetFilter } from "../../src/selection";

/** Wrong: a facet given [] gets a filter too, an OR over no value, which no document passes. */
export function facetFilters(store: FacetStore, selected: ReadonlyMap<number, readonly string[]>): FacetFilter[] {
  const filters: FacetFilter[] = [];
  for (const [facet, values] of selected) {
    const marks = new Uint8Array(store.valueCount(facet));
    for (const value of values) {
      const id = store.valueId(facet, value);
      if (id !== undefined) marks[id] = 1;
    }
    filters.push({ facet, marks });
  }
  return filters;
}
