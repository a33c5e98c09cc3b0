/**
 * The naive index: correct, and slow where it counts. It keeps a forward index only, each
 * document's term counts, and answers a query by scanning every document: O(N) per query, however
 * rare its words. On the bench's 10,000 documents a query's words are in a few to a thousand of
 * them, which is all the reference reads; this reads all 10,000. It reuses the reference's
 * tokenizer, formulas, query terms and top-k heap, so only the missing postings cost it.
 */
import { InvertedIndex as Reference } from "../src/inverted-index";
import { queryTerms } from "../src/query-terms";
import { bm25Idf, bm25Weight, tfidfIdf, tfidfWeight } from "../src/scoring";
import { DEFAULT_LIMIT, type InvertedIndexOptions, type SearchHit, type SearchOptions } from "../src/search-spec";
import { TopK } from "../src/top-k";
import { tokenize } from "../src/tokenize";

export * from "../src/inverted-index";

interface Counted {
  length: number;
  counts: Map<string, number>;
}

/** Stop words as an array, so that a generator is read once, by both the reference and this class. */
function listed(words: Iterable<string> | undefined): Iterable<string> | undefined {
  const iterable = typeof words === "object" && typeof words[Symbol.iterator] === "function";
  return iterable ? [...words] : words;
}

/** A text the reference can check without indexing it: empty, or the bad value itself. */
const blank = (text: string): string => (typeof text === "string" ? "" : text);

/**
 * Validation and the error messages come from the reference: super's add, update and remove run on
 * blank texts, which keeps its checks and its set of ids; the documents' terms live here.
 */
export class InvertedIndex extends Reference {
  private readonly documents = new Map<number, Counted>();
  private readonly stops: ReadonlySet<string>;

  constructor(options: InvertedIndexOptions = {}) {
    const stopWords = listed(options.stopWords);
    super({ ...options, stopWords });
    this.stops = new Set(Array.isArray(stopWords) ? stopWords.map((word) => word.toLowerCase()) : []);
  }

  override add(id: number, text: string): void {
    super.add(id, blank(text));
    this.documents.set(id, this.counted(text));
  }

  override update(id: number, text: string): void {
    super.update(id, blank(text));
    this.documents.set(id, this.counted(text));
  }

  override remove(id: number): void {
    super.remove(id);
    this.documents.delete(id);
  }

  override search(query: string, options: SearchOptions = {}): SearchHit[] {
    super.search(query, options); // the checks; an index of empty texts finds nothing
    const bm25 = (options.scoring ?? "bm25") === "bm25";
    const n = this.documents.size;
    let totalLength = 0;
    for (const doc of this.documents.values()) totalLength += doc.length;
    const averageLength = totalLength / n;
    const terms = queryTerms(query, this.stops);
    const df = terms.map((term) => {
      let count = 0;
      for (const doc of this.documents.values()) if (doc.counts.has(term)) count++;
      return count;
    });
    const idf = df.map((d) => (bm25 ? bm25Idf(n, d) : tfidfIdf(n, d)));
    const best = new TopK(options.limit ?? DEFAULT_LIMIT);
    for (const [id, doc] of this.documents) {
      let score = 0;
      let found = false;
      terms.forEach((term, i) => {
        const tf = doc.counts.get(term);
        if (tf === undefined) return;
        found = true;
        const weight = idf[i] as number;
        score += bm25
          ? bm25Weight(tf, doc.length, averageLength, weight, this.k1, this.b)
          : tfidfWeight(tf, doc.length, weight);
      });
      if (found) best.offer(id, score);
    }
    return best.sorted();
  }

  private counted(text: string): Counted {
    const tokens = tokenize(text, this.stops);
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    return { length: tokens.length, counts };
  }
}
