/**
 * A search's running scores, one per document slot, and the slots it has touched, in the order it
 * touched them. One accumulator serves every search of an index, so it must be cleared after each:
 * a score left behind would be added to by the next search, and a slot left marked would be
 * missing from its results.
 */
export class ScoreAccumulator {
  readonly touched: number[] = [];
  private scores = new Float64Array(64);
  private marked = new Uint8Array(64);

  /** Makes room for slots 0 .. slots - 1. */
  reserve(slots: number): void {
    if (slots <= this.scores.length) return;
    const scores = new Float64Array(slots * 2);
    const marked = new Uint8Array(slots * 2);
    scores.set(this.scores);
    marked.set(this.marked);
    this.scores = scores;
    this.marked = marked;
  }

  add(slot: number, weight: number): void {
    if (this.marked[slot] === 1) {
      this.scores[slot] = (this.scores[slot] as number) + weight;
    } else {
      this.marked[slot] = 1;
      this.scores[slot] = weight;
      this.touched.push(slot);
    }
  }

  score(slot: number): number {
    return this.scores[slot] as number;
  }

  clear(): void {
    for (const slot of this.touched) this.marked[slot] = 0;
    this.touched.length = 0;
  }
}
