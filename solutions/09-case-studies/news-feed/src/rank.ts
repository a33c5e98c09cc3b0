import * as order from "./feed-order";
import * as score from "./score";
import type { ScoredPost } from "./score";

// Bound once, here. Under CommonJS (how tsx runs the bench) each use of an imported name reads a
// getter on the other module's exports; three of those per candidate cost more than the scoring.
const { isPastCursor, ranksBefore } = order;
const { scoreAt } = score;

export interface Ranked {
  readonly scored: ScoredPost;
  readonly score: number;
}

/**
 * Picks one page: the best `count` posts at instant `at` among those offered that come after the
 * cursor's post `after` (all of them when there is none), best first. It keeps only `count` posts
 * in order as they are offered, so a page of 20 out of 2,000 candidates costs 2,000 scores and a
 * few insertions, not a sort of 2,000.
 */
export class PageSelection {
  private readonly chosen: Ranked[] = [];
  private readonly cursorScore: number;
  private readonly cursorSequence: number;

  constructor(
    private readonly at: number,
    after: ScoredPost | undefined,
    private readonly count: number,
  ) {
    this.cursorScore = after === undefined ? Infinity : scoreAt(after, at);
    this.cursorSequence = after === undefined ? Infinity : after.post.sequence;
  }

  offer(scored: ScoredPost): void {
    const score = scoreAt(scored, this.at);
    const sequence = scored.post.sequence;
    if (!isPastCursor(score, sequence, this.cursorScore, this.cursorSequence)) return;
    const chosen = this.chosen;
    if (chosen.length === this.count) {
      const worst = chosen[chosen.length - 1] as Ranked;
      if (!ranksBefore(score, sequence, worst.score, worst.scored.post.sequence)) return;
      chosen.pop();
    }
    let i = chosen.length;
    while (i > 0) {
      const above = chosen[i - 1] as Ranked;
      if (!ranksBefore(score, sequence, above.score, above.scored.post.sequence)) break;
      i--;
    }
    chosen.splice(i, 0, { scored, score });
  }

  /** The page, best first. */
  best(): Ranked[] {
    return this.chosen;
  }
}
