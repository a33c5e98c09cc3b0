import { CodedError } from "#kata";

/**
 * The errors a faceted search raises. Given code: use it, no need to change it.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead.
 */
export type FacetedSearchErrorCode =
  | "INVALID_FACETS" // the declared facets are not a non-empty list of distinct, non-empty names
  | "INVALID_DOCUMENT_ID" // an id that is not a non-negative safe integer
  | "INVALID_DOCUMENT" // a document that is not { text: string, facets?: object }
  | "UNKNOWN_FACET" // a document or a filter names a facet that was not declared
  | "INVALID_FACET_VALUE" // a facet value that is not a non-empty string (or a list of them)
  | "DUPLICATE_DOCUMENT" // add() for an id already indexed
  | "UNKNOWN_DOCUMENT" // update() or remove() for an id not indexed
  | "INVALID_QUERY" // a query that is not an object, a text that is not a string, filters not an object
  | "INVALID_LIMIT"; // limit not an integer >= 0, or maxValuesPerFacet not an integer >= 1

export class FacetedSearchError extends CodedError<FacetedSearchErrorCode> {
  override readonly name = "FacetedSearchError";
}
