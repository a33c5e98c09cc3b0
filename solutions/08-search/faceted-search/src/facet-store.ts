/**
 * Every document's facet values as small integers, stored by document like Lucene's doc values:
 * each facet interns its value strings (the first "red" seen becomes 0, say), and a document's
 * values for all the facets sit in one row of a shared Int32Array,
 *
 *   [n0, v, v, ..., n1, v, ..., n(F-1), v, ...]    n_f values of facet f, then their ids
 *
 * so counting reads one short run of memory per document, where an array per document per facet
 * would cost a cache miss for each. An update writes a new row at the end and leaves the old one
 * as garbage; when the garbage outgrows the live rows, the arena is compacted.
 */
export class FacetStore {
  /** By facet: value string -> value id. */
  private readonly idOf: Map<string, number>[];
  /** By facet: value id -> value string. */
  private readonly names: string[][];
  private rows = new Int32Array(64);
  private used = 0;
  private garbage = 0;
  /** By slot: where its row starts in `rows`, or -1 for none. */
  private starts: number[] = [];
  private readonly lengths: number[] = [];

  constructor(facetCount: number) {
    this.idOf = Array.from({ length: facetCount }, () => new Map<string, number>());
    this.names = Array.from({ length: facetCount }, () => []);
  }

  get facetCount(): number {
    return this.names.length;
  }

  /** The shared rows; a slot's row starts at rowStart(slot). Read only. */
  get arena(): Int32Array {
    return this.rows;
  }

  /** Where the row of the document in `slot` starts in `arena`. */
  rowStart(slot: number): number {
    return this.starts[slot] ?? -1;
  }

  /**
   * Sets the document in `slot` to have the values `values.get(f)` for each facet f (none for a
   * facet not in the map), replacing whatever it had.
   */
  assign(slot: number, values: ReadonlyMap<number, readonly string[]>): void {
    const row: number[] = [];
    for (let facet = 0; facet < this.facetCount; facet++) {
      const names = values.get(facet) ?? [];
      row.push(names.length);
      for (const name of names) row.push(this.intern(facet, name));
    }
    this.clear(slot);
    if (this.used + row.length > this.rows.length) this.makeRoom(row.length);
    this.rows.set(row, this.used);
    this.starts[slot] = this.used;
    this.lengths[slot] = row.length;
    this.used += row.length;
  }

  /** Forgets the values of the document in `slot`. */
  clear(slot: number): void {
    if (this.rowStart(slot) === -1) return;
    this.garbage += this.lengths[slot] as number;
    this.starts[slot] = -1;
  }

  /** How many values `facet` has interned: the length its count array needs. */
  valueCount(facet: number): number {
    return (this.names[facet] as string[]).length;
  }

  valueName(facet: number, id: number): string {
    return (this.names[facet] as string[])[id] as string;
  }

  /** The id of `value` in `facet`, or undefined if no document ever had it. */
  valueId(facet: number, value: string): number | undefined {
    return (this.idOf[facet] as Map<string, number>).get(value);
  }

  private intern(facet: number, value: string): number {
    const idOf = this.idOf[facet] as Map<string, number>;
    let id = idOf.get(value);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(value, id);
      (this.names[facet] as string[]).push(value);
    }
    return id;
  }

  /** Compacts the live rows into a new arena with room for `extra` more (doubling when needed). */
  private makeRoom(extra: number): void {
    const live = this.used - this.garbage;
    let size = this.rows.length;
    while (live + extra > size / 2) size *= 2;
    const rows = new Int32Array(size);
    let used = 0;
    this.starts.forEach((start, slot) => {
      if (start === -1) return;
      const length = this.lengths[slot] as number;
      rows.set(this.rows.subarray(start, start + length), used);
      this.starts[slot] = used;
      used += length;
    });
    this.rows = rows;
    this.used = used;
    this.garbage = 0;
  }
}
