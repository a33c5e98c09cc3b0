/**
 * Naive page selection: collect every candidate, sort them all by score (worked out afresh in each
 * comparison), then take the page. Same pages as the reference; a page of 20 out of 2,000
 * candidates costs a sort of 2,000, some 40,000 score evaluations, instead of 2,000 and a few
 * insertions into the page.
 */
import * as order from "../src/feed-order";
import * as score from "../src/score";
import type { ScoredPost } from "../src/score";

// Bound once, as in the reference: the cost measured is the sort's, not the CommonJS getters'.
const { isPastCursor, ranksBefore } = order;
const { scoreAt } = score;

export interface Ranked {
  readonly scored: ScoredPost;
  readonly score: number;
}

export class PageSelection {
  private readonly offered: ScoredPost[] = [];

  constructor(
    private readonly at: number,
    private readonly after: ScoredPost | undefined,
    private readonly count: number,
  ) {}

  offer(scored: ScoredPost): void {
    this.offered.push(scored);
  }

  best(): Ranked[] {
    const { at, after } = this;
    const sorted = [...this.offered].sort((a, b) => {
      const [x, y] = [scoreAt(a, at), scoreAt(b, at)];
      return ranksBefore(x, a.post.sequence, y, b.post.sequence) ? -1 : 1;
    });
    const rest =
      after === undefined
        ? sorted
        : sorted.filter((s) => isPastCursor(scoreAt(s, at), s.post.sequence, scoreAt(after, at), after.post.sequence));
    return rest.slice(0, this.count).map((scored) => ({ scored, score: scoreAt(scored, at) }));
  }
}
