/**
 * The two scoring formulas, one query term at a time. A document's score is the sum of these
 * weights over the distinct query terms it contains. N is the number of documents in the index,
 * df the number that contain the term, tf how many times the document contains it, length the
 * document's token count, averageLength the mean length over all N documents.
 */

/** The seed's TF-IDF idf: ln(N / df). Zero for a term in every document. */
export function tfidfIdf(documents: number, df: number): number {
  return Math.log(documents / df);
}

/** The seed's TF-IDF weight: (tf / length) x idf. */
export function tfidfWeight(tf: number, length: number, idf: number): number {
  return (tf / length) * idf;
}

/**
 * BM25's idf as Lucene computes it: ln(1 + (N - df + 0.5) / (df + 0.5)). Positive for every term;
 * the textbook ln((N - df + 0.5) / (df + 0.5)) turns negative once df > N / 2.
 */
export function bm25Idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** BM25's weight: idf x tf x (k1 + 1) / (tf + k1 x (1 - b + b x length / averageLength)). */
export function bm25Weight(
  tf: number,
  length: number,
  averageLength: number,
  idf: number,
  k1: number,
  b: number,
): number {
  return (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / averageLength));
}
