import type { Counting } from "../../src/facet-counter";
import type { FacetStore } from "../../src/facet-store";
import { passes, type FacetFilter } from "../../src/selection";

/** The filter test, read from its module once (see the note in the reference's facet-counter). */
const passesFilter = passes;

/**
 * Wrong: the filters choose the hits, but every candidate counts in every facet, so the counts
 * are taken over all the text's matches, whatever is ticked.
 *
 * One pass over the candidates (the documents that match the text) counts every facet at once.
 *
 * A facet F's counting set is the candidates that pass every filter except F's own. So a candidate
 * that passes every filter is a hit and counts in every facet; one that fails exactly one filter,
 * F's, counts in F alone (it is what ticking one more value of F would add); one that fails two or
 * more counts nowhere. Each candidate costs one test per filter, stopping at the second failure,
 * then one increment per value it adds, all read from its row in the store (see ./facet-store).
 */
export function countFacets(
  candidates: readonly number[],
  store: FacetStore,
  filters: readonly FacetFilter[],
): Counting {
  const facetCount = store.facetCount;
  const counts = Array.from({ length: facetCount }, (_, facet) => new Int32Array(store.valueCount(facet)));
  const rows = store.arena;
  /** Where each facet's run starts in the current candidate's row: its count, then its ids. */
  const runs = new Int32Array(facetCount);
  const hits: number[] = [];
  for (const slot of candidates) {
    let at = store.rowStart(slot);
    for (let facet = 0; facet < facetCount; facet++) {
      runs[facet] = at;
      at += (rows[at] as number) + 1;
    }
    let failures = 0;
    for (const filter of filters) {
      const run = runs[filter.facet] as number;
      if (passesFilter(rows, run + 1, run + 1 + (rows[run] as number), filter)) continue;
      if (++failures > 1) break;
    }
    if (failures === 0) hits.push(slot);
    for (let facet = 0; facet < facetCount; facet++) addRun(counts[facet] as Int32Array, rows, runs[facet] as number);
  }
  return { hits, counts };
}

/** Adds 1 to the count of each value id in the run at `run` (its length, then the ids). */
function addRun(counts: Int32Array, rows: Int32Array, run: number): void {
  const end = run + 1 + (rows[run] as number);
  for (let i = run + 1; i < end; i++) {
    const value = rows[i] as number;
    counts[value] = (counts[value] as number) + 1;
  }
}
