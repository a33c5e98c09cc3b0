import { notImplemented } from "#kata";
import { InvertedIndexError } from "./errors";
import { DEFAULT_B, DEFAULT_K1, type InvertedIndexOptions, type SearchHit, type SearchOptions } from "./search-spec";
import { tokenize } from "./tokenize";
// InvertedIndexError and tokenize are what the finished index is built from.

export { tokenize } from "./tokenize";
export { ENGLISH_STOP_WORDS } from "./stop-words";
export * from "./search-spec";

/**
 * A full-text index over documents identified by numeric ids: for each term, the documents that
 * contain it and how many times (its postings). Queries are ranked by BM25 or by TF-IDF.
 *
 * Both formulas sum, over the query's distinct terms t that a document d contains:
 *
 *   TF-IDF:  (tf / |d|) x ln(N / df)
 *   BM25:    idf x tf x (k1 + 1) / (tf + k1 x (1 - b + b x |d| / avgdl)),
 *            idf = ln(1 + (N - df + 0.5) / (df + 0.5))
 *
 * where tf is how many times d contains t, |d| is d's token count (stop words excluded), N the
 * number of documents indexed, df the number that contain t, and avgdl the mean |d| over all N
 * documents (empty ones included).
 *
 * A hit is any document containing at least one query term, even if its score is 0. Hits come
 * best first; equal scores, the smaller id first.
 *
 * Errors are InvertedIndexErrors (./errors.ts) with a code: see each method. A call that throws
 * changes nothing.
 */
export class InvertedIndex {
  /** BM25's term-frequency saturation; fixed at construction. */
  readonly k1: number;
  /** BM25's length normalisation; fixed at construction. */
  readonly b: number;

  /**
   * @throws InvertedIndexError INVALID_BM25_PARAMETER when k1 is not a finite number >= 0 or b is
   *   not within [0, 1]; INVALID_STOP_WORD when stopWords is not a list of words, or one of them
   *   is not exactly one token ("don't" is two: "don" and "t").
   */
  constructor(options: InvertedIndexOptions = {}) {
    this.k1 = options.k1 ?? DEFAULT_K1;
    this.b = options.b ?? DEFAULT_B;
    notImplemented("new InvertedIndex()");
  }

  /** How many documents are indexed: N in the formulas. */
  get size(): number {
    return notImplemented("InvertedIndex.size");
  }

  has(id: number): boolean {
    return notImplemented(`InvertedIndex.has(${id})`);
  }

  /**
   * Indexes a new document. A text with no tokens (empty, or only stop words) is still a document:
   * it counts in N and, with length 0, in avgdl; no query finds it.
   * @throws InvertedIndexError INVALID_DOCUMENT_ID unless id is a non-negative safe integer;
   *   INVALID_TEXT unless text is a string; DUPLICATE_DOCUMENT when id is already indexed.
   */
  add(id: number, text: string): void {
    notImplemented(`InvertedIndex.add(${id}, text)`);
  }

  /**
   * Replaces a document's text. Afterwards the index is exactly as if the document had been added
   * with the new text: no term of the old text finds it any more, no old count lingers.
   * @throws InvertedIndexError INVALID_DOCUMENT_ID, INVALID_TEXT as for add; UNKNOWN_DOCUMENT
   *   when id is not indexed.
   */
  update(id: number, text: string): void {
    notImplemented(`InvertedIndex.update(${id}, text)`);
  }

  /**
   * Takes a document out of every posting list, and out of N and avgdl.
   * @throws InvertedIndexError INVALID_DOCUMENT_ID; UNKNOWN_DOCUMENT when id is not indexed.
   */
  remove(id: number): void {
    notImplemented(`InvertedIndex.remove(${id})`);
  }

  /**
   * The best `limit` hits for the query, best first. The query is tokenized like a document; each
   * distinct term counts once ("python python" is "python"); unknown terms add nothing; a query
   * with no terms finds nothing. This is the hot path: the bench runs it on 10,000 documents, and
   * expects only the postings of the query's terms to be read and only `limit` hits to be kept.
   * @throws InvertedIndexError INVALID_TEXT unless query is a string; INVALID_LIMIT unless limit
   *   is a positive integer; INVALID_SCORING unless scoring is "bm25" or "tfidf".
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return notImplemented(`InvertedIndex.search(${JSON.stringify(query)}, ${JSON.stringify(options)})`);
  }
}
