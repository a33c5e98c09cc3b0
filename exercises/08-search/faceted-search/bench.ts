/**
 * How the search is measured: queries against a shop of 20,000 products, the work a category page
 * does for every view. Indexing happens once, in setup; queries are timed.
 *
 * The products: a faker product name ("Handmade Plastic Bacon": one of 27 adjectives, 15 materials
 * and 24 products) and five facets: brand (300 names, by Zipf's law: a few big brands, a long
 * tail), department (22), colour (1 to 3 of 31), size (1 to 4 of 6) and a price band (8).
 *
 * Two kinds of query, 1,000 of each, all counting every facet:
 * - search: one or two words typed in the search box (a word is in about 1 product in 25, two
 *   words in about 1 in 600), and 0 to 2 facets with values ticked;
 * - browse: no words, 1 or 2 facets with values ticked: the category page before any search.
 */
import { defineBench, zipfIndexes } from "#kata/bench";
import { seededFaker } from "#kata/testing";
import type * as Api from "./src/faceted-search";
import type { FacetedDocument, SearchQuery } from "./src/faceted-search";

const faker = seededFaker(14);
const NAME_WORDS = (faker.rawDefinitions.commerce?.product_name ?? {}) as Record<string, string[]>;
const ADJECTIVES = NAME_WORDS.adjective ?? [];
const MATERIALS = NAME_WORDS.material ?? [];
const PRODUCTS = NAME_WORDS.product ?? [];
const DEPARTMENTS = [...new Set(faker.rawDefinitions.commerce?.department ?? [])];
const COLORS = [...new Set(faker.rawDefinitions.color?.human ?? [])];
const SIZES = ["XS", "S", "M", "L", "XL", "XXL"];
const PRICES = ["0-10", "10-25", "25-50", "50-100", "100-250", "250-500", "500-1000", "1000+"];
const BRANDS = [...new Set(Array.from({ length: 400 }, () => faker.company.name()))].slice(0, 300);
const FACETS = ["brand", "department", "color", "size", "price"];

function catalogue(count: number): FacetedDocument[] {
  const brands = zipfIndexes(count, BRANDS.length, 1, 141);
  return Array.from({ length: count }, (_, i) => ({
    text: faker.commerce.productName(),
    facets: {
      brand: BRANDS[brands[i] as number] as string,
      department: faker.helpers.arrayElement(DEPARTMENTS),
      color: faker.helpers.arrayElements(COLORS, { min: 1, max: 3 }),
      size: faker.helpers.arrayElements(SIZES, { min: 1, max: 4 }),
      price: faker.helpers.arrayElement(PRICES),
    },
  }));
}

/** 0 to `most` facets with 1 or 2 values ticked each (one brand, from the big ones). */
function ticked(least: number, most: number): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  const facets = faker.helpers.arrayElements(["brand", "department", "color", "size", "price"], {
    min: least,
    max: most,
  });
  for (const facet of facets) {
    if (facet === "brand") filters.brand = [BRANDS[faker.number.int({ min: 0, max: 20 })] as string];
    if (facet === "department") filters.department = faker.helpers.arrayElements(DEPARTMENTS, { min: 1, max: 2 });
    if (facet === "color") filters.color = faker.helpers.arrayElements(COLORS, { min: 1, max: 2 });
    if (facet === "size") filters.size = faker.helpers.arrayElements(SIZES, { min: 1, max: 2 });
    if (facet === "price") filters.price = faker.helpers.arrayElements(PRICES, { min: 1, max: 2 });
  }
  return filters;
}

function typed(): string {
  const word = (): string => faker.helpers.arrayElement([...ADJECTIVES, ...MATERIALS, ...PRODUCTS]);
  return faker.datatype.boolean(0.5) ? word() : `${word()} ${word()}`;
}

const PRODUCTS_20K = catalogue(20_000);
const SEARCHES: SearchQuery[] = Array.from({ length: 1_000 }, () => ({ text: typed(), filters: ticked(0, 2) }));
const BROWSES: SearchQuery[] = Array.from({ length: 1_000 }, () => ({ filters: ticked(1, 2) }));

function queryLoop(api: typeof Api, queries: readonly SearchQuery[]): () => unknown {
  const shop = new api.FacetedSearch({ facets: FACETS });
  PRODUCTS_20K.forEach((product, id) => shop.add(id, product));
  let next = 0;
  return () => {
    next = next === queries.length - 1 ? 0 : next + 1;
    return shop.search(queries[next] as SearchQuery);
  };
}

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "search, 20k products",
      unit: "queries",
      setup: (api) => queryLoop(api, SEARCHES),
    },
    {
      kind: "throughput",
      name: "browse, 20k products",
      unit: "queries",
      setup: (api) => queryLoop(api, BROWSES),
    },
  ],
});
