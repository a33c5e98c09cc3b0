/**
 * The npm library people reach for to search in JavaScript, behind this exercise's API, so
 * `kata bench inverted-index` can run the same corpus and queries on it (given code).
 *
 * minisearch 7 keeps its index in a radix tree (so prefix and fuzzy search are cheap), scores with
 * BM25+ (BM25 plus a constant d = 0.5 for every matching term) and multiplies each score by the
 * number of query terms matched. It returns every match, sorted; the adapter keeps the first
 * `limit`, as a caller would. Its own tokenizer splits on spaces and punctuation and lower-cases,
 * which gives the same terms as the exercise's on the bench's text. k1 and b are passed on; the
 * TF-IDF scoring has no counterpart, so the bench asks for BM25 only.
 */
import MiniSearch from "minisearch";
import type * as IndexModule from "./src/inverted-index";
import type { InvertedIndexOptions, SearchHit, SearchOptions } from "./src/inverted-index";

export type IndexApi = Pick<typeof IndexModule, "InvertedIndex">;

interface Document {
  id: number;
  text: string;
}

class InvertedIndexOnMiniSearch {
  readonly k1: number;
  readonly b: number;
  private readonly engine: MiniSearch<Document>;

  constructor(options: InvertedIndexOptions = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    const stopWords = new Set([...(options.stopWords ?? [])].map((word) => word.toLowerCase()));
    this.engine = new MiniSearch<Document>({
      fields: ["text"],
      processTerm: (term) => {
        const lower = term.toLowerCase();
        return stopWords.has(lower) ? null : lower;
      },
      searchOptions: { bm25: { k: this.k1, b: this.b, d: 0.5 } },
    });
  }

  get size(): number {
    return this.engine.documentCount;
  }

  has(id: number): boolean {
    return this.engine.has(id);
  }

  add(id: number, text: string): void {
    this.engine.add({ id, text });
  }

  update(id: number, text: string): void {
    this.engine.replace({ id, text });
  }

  remove(id: number): void {
    this.engine.discard(id);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.engine
      .search(query)
      .slice(0, options.limit ?? 10)
      .map((result) => ({ id: result.id as number, score: result.score }));
  }
}

export const miniSearch: IndexApi = {
  InvertedIndex: InvertedIndexOnMiniSearch as unknown as IndexApi["InvertedIndex"],
};
