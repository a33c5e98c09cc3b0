/**
 * The mistake: BM25's idf as many textbooks print it, ln((N - df + 0.5) / (df + 0.5)), without
 * Lucene's 1 +. For a term in more than half the documents it is negative, so matching a common
 * word lowers a document's score.
 */
export { bm25Weight, tfidfIdf, tfidfWeight } from "../../src/scoring";

export function bm25Idf(documents: number, df: number): number {
  return Math.log((documents - df + 0.5) / (df + 0.5));
}
