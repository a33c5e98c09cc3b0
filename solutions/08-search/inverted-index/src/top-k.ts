import { ranksBefore } from "./hit-order";
import type { SearchHit } from "./search-spec";

/** The ordering rule, read from its module once (see the note in ./inverted-index). */
const before = ranksBefore;

/**
 * The best `limit` hits seen so far, in a binary heap whose root is the hit that ranks last: a
 * candidate that ranks before the root replaces it. O(log limit) per candidate, against
 * O(log candidates) for sorting them all; only the `limit` survivors are sorted at the end.
 */
export class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly limit: number) {}

  offer(id: number, score: number): void {
    const { ids, scores } = this;
    if (ids.length < this.limit) {
      ids.push(id);
      scores.push(score);
      this.siftUp(ids.length - 1);
    } else if (before(score, id, scores[0] as number, ids[0] as number)) {
      ids[0] = id;
      scores[0] = score;
      this.siftDown(0);
    }
  }

  /** The hits kept, best first. */
  sorted(): SearchHit[] {
    const hits = this.ids.map((id, i) => ({ id, score: this.scores[i] as number }));
    return hits.sort((a, b) => (before(a.score, a.id, b.score, b.id) ? -1 : 1));
  }

  /** Whether the hit at i must sit above the hit at j: it ranks after it. */
  private above(i: number, j: number): boolean {
    const { ids, scores } = this;
    return before(scores[j] as number, ids[j] as number, scores[i] as number, ids[i] as number);
  }

  private siftUp(at: number): void {
    let child = at;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.above(child, parent)) return;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(at: number): void {
    const size = this.ids.length;
    let parent = at;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let top = parent;
      if (left < size && this.above(left, top)) top = left;
      if (right < size && this.above(right, top)) top = right;
      if (top === parent) return;
      this.swap(parent, top);
      parent = top;
    }
  }

  private swap(i: number, j: number): void {
    const { ids, scores } = this;
    [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
    [scores[i], scores[j]] = [scores[j] as number, scores[i] as number];
  }
}
