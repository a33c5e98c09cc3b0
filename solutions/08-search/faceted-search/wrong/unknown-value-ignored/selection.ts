import type { FacetStore } from "../../src/facet-store";
import type { FacetFilter } from "../../src/selection";

export { passes, type FacetFilter } from "../../src/selection";

/**
 * Wrong: the selected values are looked up and the unknown ones dropped; a facet left with none is
 * then treated as nothing selected, so selecting only "purple" filters nothing out.
 */
export function facetFilters(store: FacetStore, selected: ReadonlyMap<number, readonly string[]>): FacetFilter[] {
  const filters: FacetFilter[] = [];
  for (const [facet, values] of selected) {
    const known = values.map((value) => store.valueId(facet, value)).filter((id) => id !== undefined);
    if (known.length === 0) continue;
    const marks = new Uint8Array(store.valueCount(facet));
    for (const id of known) marks[id] = 1;
    filters.push({ facet, marks });
  }
  return filters;
}
