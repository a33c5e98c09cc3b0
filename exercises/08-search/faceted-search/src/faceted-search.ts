import { notImplemented } from "#kata";
import { FacetedSearchError } from "./errors";
import type { FacetedDocument, FacetedSearchOptions, SearchQuery, SearchResult } from "./facet-spec";
import { tokenize } from "./tokenize";
// FacetedSearchError and tokenize are what the finished index is built from.

export { tokenize } from "./tokenize";
export * from "./facet-spec";

/**
 * A shop's search: documents (products) with a text and values for a few declared facets (brand,
 * colour, size...), queried by words and by the values selected in each facet, and answered with
 * the matching ids and, for every facet, how many documents have each value.
 *
 * The rules, for a query with text words W and selected values S(F) for some facets F:
 *
 * - A document **matches the text** when it contains every word of W (whole words, any case).
 * - It **passes facet F's filter** when it has at least one value of S(F) (OR within a facet); a
 *   facet with nothing selected places no constraint.
 * - It is a **hit** when it matches the text and passes every facet's filter (AND across facets).
 * - **Facet F's counts** are taken over the documents that match the text and pass every filter
 *   *except F's own* (for a facet with nothing selected, that is exactly the hits). So choosing
 *   "red" still shows how many blue products there are: the count a shopper gets by ticking "blue"
 *   too. Each document counts once for each distinct value it has.
 *
 * Errors are FacetedSearchErrors (./errors.ts) with a code: see each method. A call that throws
 * changes nothing.
 */
export class FacetedSearch {
  /**
   * @throws FacetedSearchError INVALID_FACETS unless options.facets is a non-empty list of distinct,
   *   non-empty strings.
   */
  constructor(options: FacetedSearchOptions) {
    notImplemented(`new FacetedSearch(${JSON.stringify(options)})`);
  }

  /** The declared facet names, in the order given to the constructor. */
  get facets(): readonly string[] {
    return notImplemented("FacetedSearch.facets");
  }

  /** How many documents are indexed. */
  get size(): number {
    return notImplemented("FacetedSearch.size");
  }

  has(id: number): boolean {
    return notImplemented(`FacetedSearch.has(${id})`);
  }

  /**
   * Indexes a new document under `id`. A value listed twice for one facet is one value.
   * @throws FacetedSearchError INVALID_DOCUMENT_ID unless id is a non-negative safe integer;
   *   INVALID_DOCUMENT unless document is an object with a string `text` and, if given, a `facets`
   *   object; UNKNOWN_FACET for a facet that was not declared; INVALID_FACET_VALUE for a value that
   *   is not a non-empty string (`""` included: leave the facet out for "no value");
   *   DUPLICATE_DOCUMENT when id is already indexed.
   */
  add(id: number, document: FacetedDocument): void {
    notImplemented(`FacetedSearch.add(${id}, document)`);
  }

  /**
   * Replaces a document's text and values. Afterwards every query answers exactly as if the
   * document had been added with the new ones: no old word finds it, no old value counts it.
   * @throws FacetedSearchError as add, and UNKNOWN_DOCUMENT (not DUPLICATE_DOCUMENT) when id is
   *   not indexed.
   */
  update(id: number, document: FacetedDocument): void {
    notImplemented(`FacetedSearch.update(${id}, document)`);
  }

  /**
   * Takes a document out of the index: no query finds or counts it any more.
   * @throws FacetedSearchError INVALID_DOCUMENT_ID; UNKNOWN_DOCUMENT when id is not indexed.
   */
  remove(id: number): void {
    notImplemented(`FacetedSearch.remove(${id})`);
  }

  /**
   * The hits of the query and every declared facet's counts (see the class comment for the rules).
   * Each facet lists its values with a count above 0, count descending, equal counts by value
   * ascending (compared as strings with `<`), at most `maxValuesPerFacet` of them.
   *
   * This is the hot path: a shop runs it for every page view. The bench runs it on 20,000 products
   * and expects a query to look only at documents that contain its words, not at all of them.
   * @throws FacetedSearchError INVALID_QUERY unless query is an object with, if given, a string
   *   `text` and a `filters` object; UNKNOWN_FACET, INVALID_FACET_VALUE for a filter as for a
   *   document; INVALID_LIMIT unless limit is an integer >= 0 and maxValuesPerFacet an integer >= 1.
   */
  search(query: SearchQuery = {}): SearchResult {
    return notImplemented(`FacetedSearch.search(${JSON.stringify(query)})`);
  }
}
