import { FacetedSearch as Reference, type SearchQuery, type SearchResult } from "../../src/faceted-search";

export * from "../../src/faceted-search";

/** Wrong: results are memoised by query, and add, update and remove never clear the memo. */
export class FacetedSearch extends Reference {
  private readonly memo = new Map<string, SearchResult>();

  override search(query: SearchQuery = {}): SearchResult {
    const key = JSON.stringify(query);
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached;
    const result = super.search(query);
    this.memo.set(key, result);
    return result;
  }
}
