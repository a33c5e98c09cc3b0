import { FacetStore as Reference } from "../../src/facet-store";

/** Wrong: assign adds the new values to those the slot had, so an update leaves the old values in. */
export class FacetStore extends Reference {
  override assign(slot: number, values: ReadonlyMap<number, readonly string[]>): void {
    const merged = new Map<number, string[]>();
    for (let facet = 0; facet < this.facetCount; facet++) {
      const old = this.valuesOf(facet, slot).map((id) => this.valueName(facet, id));
      merged.set(facet, [...new Set([...old, ...(values.get(facet) ?? [])])]);
    }
    super.assign(slot, merged);
  }
}
