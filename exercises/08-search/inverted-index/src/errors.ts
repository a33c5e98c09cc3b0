import { CodedError } from "#kata";

/**
 * The errors an inverted index raises. Given code: use it, no need to change it.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead.
 */
export type InvertedIndexErrorCode =
  | "INVALID_DOCUMENT_ID" // an id that is not a non-negative safe integer
  | "INVALID_TEXT" // a document's text or a query that is not a string
  | "DUPLICATE_DOCUMENT" // add() for an id already indexed
  | "UNKNOWN_DOCUMENT" // update() or remove() for an id not indexed
  | "INVALID_LIMIT" // a search limit that is not a positive integer
  | "INVALID_SCORING" // a scoring other than "bm25" and "tfidf"
  | "INVALID_BM25_PARAMETER" // k1 not finite and >= 0, or b not within [0, 1]
  | "INVALID_STOP_WORD"; // a stop word that is not a string of exactly one token

export class InvertedIndexError extends CodedError<InvertedIndexErrorCode> {
  override readonly name = "InvertedIndexError";
}
