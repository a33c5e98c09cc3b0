import { FacetStore as Reference } from "../../src/facet-store";

/** Wrong: assign adds the new values to those the slot had, so an update leaves the old values in. */
export class FacetStore extends Reference {
  override assign(slot: number, values: ReadonlyMap<number, readonly string[]>): void {
    const merged = new Map<number, string[]>();
    const rows = this.arena;
    let at = this.rowStart(slot);
    for (let facet = 0; facet < this.facetCount; facet++) {
      const old: string[] = [];
      if (at !== -1) {
        const end = at + 1 + (rows[at] as number);
        for (let i = at + 1; i < end; i++) old.push(this.valueName(facet, rows[i] as number));
        at = end;
      }
      merged.set(facet, [...new Set([...old, ...(values.get(facet) ?? [])])]);
    }
    super.assign(slot, merged);
  }
}
