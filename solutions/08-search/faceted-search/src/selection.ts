import type { FacetStore } from "./facet-store";

/** One facet's filter: which of its value ids are selected. */
export interface FacetFilter {
  facet: number;
  /** By value id: 1 when selected. */
  marks: Uint8Array;
}

/**
 * The filters of a query, one per facet with at least one value selected (`selected` maps a facet's
 * index to its selected values). A facet with nothing selected places no constraint and gets no
 * filter. A selected value that no document has marks nothing, but its filter stays: selecting
 * only such values matches no document.
 */
export function facetFilters(store: FacetStore, selected: ReadonlyMap<number, readonly string[]>): FacetFilter[] {
  const filters: FacetFilter[] = [];
  for (const [facet, values] of selected) {
    if (values.length === 0) continue;
    const marks = new Uint8Array(store.valueCount(facet));
    for (const value of values) {
      const id = store.valueId(facet, value);
      if (id !== undefined) marks[id] = 1;
    }
    filters.push({ facet, marks });
  }
  return filters;
}

/**
 * Whether a document whose value ids for the filter's facet are `ids[from]` to `ids[to - 1]`
 * passes the filter: it has at least one selected value.
 */
export function passes(ids: ArrayLike<number>, from: number, to: number, filter: FacetFilter): boolean {
  const { marks } = filter;
  for (let i = from; i < to; i++) if (marks[ids[i] as number] === 1) return true;
  return false;
}
