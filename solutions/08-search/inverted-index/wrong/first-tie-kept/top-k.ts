/**
 * The mistake: the top k are cut from a list sorted by score alone, and only the survivors are then
 * ordered by id. Among documents tied at the k-th score, the ones visited first are kept, not the
 * smaller ids: the answer depends on the order of the postings.
 */
import { ranksBefore } from "../../src/hit-order";
import type { SearchHit } from "../../src/search-spec";

export class TopK {
  private readonly hits: SearchHit[] = [];

  constructor(private readonly limit: number) {}

  offer(id: number, score: number): void {
    this.hits.push({ id, score });
  }

  sorted(): SearchHit[] {
    return this.hits
      .sort((a, b) => b.score - a.score)
      .slice(0, this.limit)
      .sort((a, b) => (ranksBefore(a.score, a.id, b.score, b.id) ? -1 : 1));
  }
}
