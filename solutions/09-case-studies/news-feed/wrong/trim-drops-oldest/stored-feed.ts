/** Wrong: a full stored feed drops its oldest entry, whatever the entries' scores. */
import { StoredFeed as Reference } from "../../src/stored-feed";
import type { ScoredPost } from "../../src/score";

export class StoredFeed extends Reference {
  constructor(private readonly cap: number) {
    super(Number.MAX_SAFE_INTEGER);
  }

  override add(scored: ScoredPost, now: number): void {
    super.add(scored, now);
    if (this.size <= this.cap) return;
    const oldest = this.all().reduce((a, b) => (b.post.sequence < a.post.sequence ? b : a));
    const entries = this.all() as ScoredPost[];
    entries.splice(entries.indexOf(oldest), 1);
  }
}
