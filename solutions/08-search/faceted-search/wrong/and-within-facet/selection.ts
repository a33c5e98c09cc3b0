import type { FacetStore } from "../../src/facet-store";

/** Wrong: a document passes a facet's filter only if it has every selected value (AND within a facet). */
export interface FacetFilter {
  facet: number;
  marks: Uint8Array;
  selected: number;
}

export function facetFilters(store: FacetStore, selected: ReadonlyMap<number, readonly string[]>): FacetFilter[] {
  const filters: FacetFilter[] = [];
  for (const [facet, values] of selected) {
    if (values.length === 0) continue;
    const marks = new Uint8Array(store.valueCount(facet));
    for (const value of values) {
      const id = store.valueId(facet, value);
      if (id !== undefined) marks[id] = 1;
    }
    filters.push({ facet, marks, selected: values.length });
  }
  return filters;
}

export function passes(ids: ArrayLike<number>, from: number, to: number, filter: FacetFilter): boolean {
  let found = 0;
  for (let i = from; i < to; i++) if (filter.marks[ids[i] as number] === 1) found++;
  return found === filter.selected;
}
