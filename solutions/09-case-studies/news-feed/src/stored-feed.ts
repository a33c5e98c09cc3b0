import { ranksBefore } from "./feed-order";
import { scoreAt, type ScoredPost } from "./score";

/**
 * One user's materialised feed: the pushed posts fanned out to them, at most `limit` of them.
 * Order does not matter here (readFeed ranks at its own instant), so entries sit in an array and a
 * removal swaps the last entry into the hole.
 */
export class StoredFeed {
  private readonly entries: ScoredPost[] = [];

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.entries.length;
  }

  all(): readonly ScoredPost[] {
    return this.entries;
  }

  /** Adds a pushed post; over the limit, drops the entry ranked last at `now` (maybe the new one). */
  add(scored: ScoredPost, now: number): void {
    const entries = this.entries;
    entries.push(scored);
    if (entries.length <= this.limit) return;
    let worst = 0;
    let worstScore = scoreAt(entries[0] as ScoredPost, now);
    for (let i = 1; i < entries.length; i++) {
      const score = scoreAt(entries[i] as ScoredPost, now);
      const current = entries[worst] as ScoredPost;
      if (ranksBefore(worstScore, current.post.sequence, score, (entries[i] as ScoredPost).post.sequence)) {
        worst = i;
        worstScore = score;
      }
    }
    entries[worst] = entries[entries.length - 1] as ScoredPost;
    entries.pop();
  }

  /** Drops every entry by `authorId` (an unfollow). */
  removeAuthor(authorId: string): void {
    const entries = this.entries;
    let kept = 0;
    for (const scored of entries) if (scored.post.authorId !== authorId) entries[kept++] = scored;
    entries.length = kept;
  }
}
