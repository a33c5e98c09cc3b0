import { candidateSlots } from "./candidates";
import { Documents } from "./documents";
import { FacetedSearchError } from "./errors";
import { countFacets } from "./facet-counter";
import {
  DEFAULT_LIMIT,
  DEFAULT_MAX_VALUES_PER_FACET,
  type FacetCount,
  type FacetedDocument,
  type FacetedSearchOptions,
  type FacetResult,
  type SearchQuery,
  type SearchResult,
} from "./facet-spec";
import { FacetStore } from "./facet-store";
import { facetValues } from "./facet-values";
import { firstIds } from "./first-ids";
import { facetFilters } from "./selection";
import { show } from "./show";
import { TextPostings } from "./text-postings";
import { tokenize } from "./tokenize";
import { byCountThenValue } from "./value-order";

export { tokenize } from "./tokenize";
export * from "./facet-spec";

/**
 * Text postings (./text-postings) find the documents that contain a query's words; a facet store
 * (./facet-store) holds each document's values as small integers; one pass over those candidates
 * (./facet-counter) finds the hits and counts every facet, each over its own counting set.
 *
 * Each document lives in a slot (./documents), so the per-document data are arrays indexed by
 * slot. Every check runs before any change, so a call that throws leaves the index as it was.
 */
export class FacetedSearch {
  private readonly names: readonly string[];
  private readonly facetIndex = new Map<string, number>();
  private readonly documents = new Documents();
  private readonly text = new TextPostings();
  private readonly store: FacetStore;

  constructor(options: FacetedSearchOptions) {
    this.names = declaredFacets(options);
    this.names.forEach((name, facet) => this.facetIndex.set(name, facet));
    this.store = new FacetStore(this.names.length);
  }

  get facets(): readonly string[] {
    return [...this.names];
  }

  get size(): number {
    return this.documents.size;
  }

  has(id: number): boolean {
    return this.documents.slotFor(id) !== undefined;
  }

  add(id: number, document: FacetedDocument): void {
    assertId(id, "add");
    const { words, values } = this.parseDocument(document, `add(${id})`);
    if (this.documents.slotFor(id) !== undefined) {
      throw new FacetedSearchError(
        "DUPLICATE_DOCUMENT",
        `add(${id}): document ${id} is already indexed; call update(${id}, document) to replace it`,
      );
    }
    const slot = this.documents.open(id, words);
    this.text.add(slot, words);
    this.store.assign(slot, values);
  }

  update(id: number, document: FacetedDocument): void {
    assertId(id, "update");
    const { words, values } = this.parseDocument(document, `update(${id})`);
    const slot = this.slotOf(id, "update");
    this.text.remove(slot, this.documents.wordsOf(slot));
    this.documents.rewrite(slot, words);
    this.text.add(slot, words);
    this.store.assign(slot, values);
  }

  remove(id: number): void {
    assertId(id, "remove");
    const slot = this.slotOf(id, "remove");
    this.text.remove(slot, this.documents.wordsOf(slot));
    this.store.clear(slot);
    this.documents.close(slot);
  }

  search(query: SearchQuery = {}): SearchResult {
    if (typeof query !== "object" || query === null || Array.isArray(query)) {
      throw new FacetedSearchError(
        "INVALID_QUERY",
        `search(query): a query is an object such as { text: "red shoes", filters: { color: ["red"] } }, got ${show(query)}`,
      );
    }
    const text = query.text ?? "";
    if (typeof text !== "string") {
      throw new FacetedSearchError("INVALID_QUERY", `search(query): text must be a string, got ${show(text)}`);
    }
    const selected = this.parseFacets(query.filters, "filters", "search(query)");
    const limit = count(query.limit, DEFAULT_LIMIT, 0, "limit");
    const maxValues = count(query.maxValuesPerFacet, DEFAULT_MAX_VALUES_PER_FACET, 1, "maxValuesPerFacet");

    const candidates = candidateSlots(distinct(tokenize(text)), this.text, this.documents);
    const { hits, counts } = countFacets(candidates, this.store, facetFilters(this.store, selected));
    return {
      total: hits.length,
      ids: firstIds(
        hits.map((slot) => this.documents.idOf(slot)),
        limit,
      ),
      facets: this.names.map((facet, f) => this.facetResult(facet, f, counts[f] as Int32Array, maxValues)),
    };
  }

  private facetResult(facet: string, f: number, counts: Int32Array, maxValues: number): FacetResult {
    const values: FacetCount[] = [];
    counts.forEach((n, id) => {
      if (n > 0) values.push({ value: this.store.valueName(f, id), count: n });
    });
    return { facet, values: values.sort(byCountThenValue).slice(0, maxValues) };
  }

  private slotOf(id: number, call: "update" | "remove"): number {
    const slot = this.documents.slotFor(id);
    if (slot === undefined) {
      throw new FacetedSearchError(
        "UNKNOWN_DOCUMENT",
        `${call}(${id}): no document ${id} is indexed` +
          (call === "update" ? `; call add(${id}, document) to index it` : ""),
      );
    }
    return slot;
  }

  private parseDocument(document: unknown, where: string): { words: string[]; values: Map<number, string[]> } {
    if (typeof document !== "object" || document === null || Array.isArray(document)) {
      throw new FacetedSearchError(
        "INVALID_DOCUMENT",
        `${where}: a document is an object such as { text: "red shoes", facets: { color: "red" } }, got ${show(document)}`,
      );
    }
    const { text, facets } = document as { text?: unknown; facets?: unknown };
    if (typeof text !== "string") {
      throw new FacetedSearchError(
        "INVALID_DOCUMENT",
        `${where}: a document's text must be a string ("" for none), got ${show(text)}`,
      );
    }
    return { words: distinct(tokenize(text)), values: this.parseFacets(facets, "facets", where) };
  }

  /** A document's facets or a query's filters: for each facet named, by its index, its distinct values. */
  private parseFacets(raw: unknown, field: "facets" | "filters", where: string): Map<number, string[]> {
    const values = new Map<number, string[]>();
    if (raw === undefined) return values;
    const fail = (): never => {
      throw new FacetedSearchError(
        field === "facets" ? "INVALID_DOCUMENT" : "INVALID_QUERY",
        `${where}: ${field} must be an object of facet names to values, such as { color: ["red", "blue"] }, got ${show(raw)}`,
      );
    };
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return fail();
    for (const [name, value] of Object.entries(raw)) {
      const facet = this.facetIndex.get(name);
      if (facet === undefined) {
        throw new FacetedSearchError(
          "UNKNOWN_FACET",
          `${where}: ${field} name the facet ${JSON.stringify(name)}, which was not declared; ` +
            `the facets are ${this.names.map((n) => JSON.stringify(n)).join(", ")}`,
        );
      }
      values.set(facet, facetValues(value, name, where));
    }
    return values;
  }
}

function declaredFacets(options: unknown): string[] {
  const facets = typeof options === "object" && options !== null ? (options as { facets?: unknown }).facets : undefined;
  const problem = !Array.isArray(facets)
    ? "a list of facet names is needed"
    : facets.length === 0
      ? "at least one facet is needed"
      : facets.find((name) => typeof name !== "string" || name === "") !== undefined
        ? `${show(facets.find((name) => typeof name !== "string" || name === ""))} is not a facet name (a non-empty string)`
        : new Set(facets).size !== facets.length
          ? `${show(facets.find((name, i) => facets.indexOf(name) !== i))} is declared twice`
          : undefined;
  if (problem !== undefined) {
    throw new FacetedSearchError(
      "INVALID_FACETS",
      `new FacetedSearch(options): options.facets must be a non-empty list of distinct facet names, such as ` +
        `{ facets: ["brand", "color"] }; ${problem}, got ${show(facets)}`,
    );
  }
  return facets as string[];
}

function assertId(id: unknown, call: string): void {
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 0) {
    throw new FacetedSearchError(
      "INVALID_DOCUMENT_ID",
      `${call}(${show(id)}): a document id is an integer from 0 to Number.MAX_SAFE_INTEGER, got ${show(id)}`,
    );
  }
}

function count(value: unknown, fallback: number, least: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < least) {
    throw new FacetedSearchError(
      "INVALID_LIMIT",
      `search(query): ${name} must be an integer >= ${least}, got ${show(value)}; omit it for ${fallback}`,
    );
  }
  return value;
}

function distinct(words: readonly string[]): string[] {
  return [...new Set(words)];
}
