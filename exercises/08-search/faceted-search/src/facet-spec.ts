/** The shapes and defaults the spec fixes, so every faceted search agrees (given code). */

/**
 * A document's value(s) for one facet, or the value(s) a filter selects: one non-empty string, or a
 * list of them. `"red"` and `["red"]` mean the same; `[]` means none.
 */
export type FacetValue = string | readonly string[];

/** What add() and update() index under an id. */
export interface FacetedDocument {
  /** The words a text query matches, tokenized by ./tokenize.ts. May be "". */
  text: string;
  /**
   * The document's values, by facet name. Only declared facets; a facet left out, or given `[]`,
   * means the document has no value for it. A value listed twice counts once.
   */
  facets?: Readonly<Record<string, FacetValue>>;
}

export interface SearchQuery {
  /**
   * Words every hit must contain, each as a whole word, in any order and any case. A text with no
   * word (omitted, "", "!!!") places no constraint, as an empty search box shows the whole shop.
   */
  text?: string;
  /**
   * The values selected in each facet. A document passes a facet's filter when it has at least one
   * of the selected values (OR within a facet), and is a hit when it passes every facet's filter
   * (AND across facets). A facet with nothing selected (`[]`) places no constraint.
   */
  filters?: Readonly<Record<string, FacetValue>>;
  /** How many hits' ids to return, the smallest ids first: an integer >= 0; 20 when omitted. */
  limit?: number;
  /** How many values to list per facet, the most frequent first: an integer >= 1; 10 when omitted. */
  maxValuesPerFacet?: number;
}

/** One value of a facet and how many documents of the facet's counting set have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** A facet's values with their counts: count descending, then value ascending; none at 0. */
export interface FacetResult {
  facet: string;
  values: FacetCount[];
}

export interface SearchResult {
  /** How many documents match the text and every filter. */
  total: number;
  /** The ids of the first `limit` of those documents, ascending. */
  ids: number[];
  /** One entry per declared facet, in the order the facets were declared. */
  facets: FacetResult[];
}

export interface FacetedSearchOptions {
  /** The facet names documents may have values for and queries may filter and count: the shop's sidebar. */
  facets: readonly string[];
}

export const DEFAULT_LIMIT = 20;
export const DEFAULT_MAX_VALUES_PER_FACET = 10;
