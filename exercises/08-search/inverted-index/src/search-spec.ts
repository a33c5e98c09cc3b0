/** The parts of the index that the spec fixes, so every index agrees (given code). */

/** How search() scores a document: Okapi BM25 (the default), or the seed's TF-IDF. */
export type Scoring = "bm25" | "tfidf";

export const SCORINGS: readonly Scoring[] = ["bm25", "tfidf"];

export interface InvertedIndexOptions {
  /**
   * Words dropped from documents and queries alike, after lower-casing: they are not indexed, do
   * not count in a document's length and never match. Each must be a single token ("the", not
   * "don't", which tokenizes to "don" and "t"). None when omitted.
   */
  stopWords?: Iterable<string>;
  /** BM25's term-frequency saturation: finite and >= 0; 1.2 when omitted (Lucene's default). */
  k1?: number;
  /** BM25's length normalisation: from 0 (none) to 1 (full); 0.75 when omitted (Lucene's default). */
  b?: number;
}

export interface SearchOptions {
  /** The most hits to return, the best first: a positive integer; 10 when omitted. */
  limit?: number;
  /** "bm25" when omitted. */
  scoring?: Scoring;
}

/** One document found by a query, with its score under the scoring asked for. */
export interface SearchHit {
  id: number;
  score: number;
}

export const DEFAULT_K1 = 1.2;
export const DEFAULT_B = 0.75;
export const DEFAULT_LIMIT = 10;
export const DEFAULT_SCORING: Scoring = "bm25";
