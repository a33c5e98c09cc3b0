import { FacetedSearchError } from "./errors";
import { show } from "./show";

/**
 * The distinct values of one facet, from a document's or a filter's raw input: a non-empty string
 * or a list of them. A value listed twice is one value, so a document tagged ["red", "red"] counts
 * once under red. `where` names the call for the error message.
 * @throws FacetedSearchError INVALID_FACET_VALUE for anything else, "" included.
 */
export function facetValues(raw: unknown, facet: string, where: string): string[] {
  const list: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  const values: string[] = [];
  for (const value of list) {
    if (typeof value !== "string" || value === "") {
      throw new FacetedSearchError(
        "INVALID_FACET_VALUE",
        `${where}: facet ${JSON.stringify(facet)} has the value ${show(value)}; a facet value is a non-empty string ` +
          `(or a list of them). For "no value", leave the facet out or give []`,
      );
    }
    if (!values.includes(value)) values.push(value);
  }
  return values;
}
