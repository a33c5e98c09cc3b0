import fc from "fast-check";
import { codeOf, ensure, messageOf as messageOfError, propertySettings } from "#kata/testing";
import { FacetedSearchError, type FacetedSearchErrorCode } from "./src/errors";
import {
  FacetedSearch,
  tokenize,
  type FacetCount,
  type FacetedDocument,
  type FacetValue,
  type SearchQuery,
  type SearchResult,
} from "./src/faceted-search";

const FACETS = ["brand", "color", "size"];

/** A small shoe shop. Colours and sizes are multi-valued; product 5 has no size. */
const SHOP: readonly (readonly [number, FacetedDocument])[] = [
  [1, { text: "Trail running shoe", facets: { brand: "Acme", color: ["red", "black"], size: ["42", "43"] } }],
  [2, { text: "Road running shoe", facets: { brand: "Acme", color: "blue", size: ["41", "42"] } }],
  [3, { text: "Leather hiking boot", facets: { brand: "Borealis", color: ["brown"], size: ["43", "44"] } }],
  [4, { text: "Canvas sneaker", facets: { brand: "Cobalt", color: ["red", "white"], size: ["40", "41", "42"] } }],
  [5, { text: "Running sock, 3-pack", facets: { brand: "Cobalt", color: ["white", "black", "blue"] } }],
  [6, { text: "Waterproof hiking shoe", facets: { brand: "Borealis", color: "black", size: ["42", "43", "44"] } }],
  [7, { text: "Racing flat running shoe", facets: { brand: "Dune", color: ["red"], size: ["41", "42"] } }],
];

function shopOf(
  documents: readonly (readonly [number, FacetedDocument])[] = SHOP,
  facets: readonly string[] = FACETS,
): FacetedSearch {
  const shop = new FacetedSearch({ facets });
  for (const [id, document] of documents) shop.add(id, document);
  return shop;
}

/** A facet's listing as one line, "black 3, red 3, blue 2", for comparisons and messages. */
function listing(values: readonly FacetCount[]): string {
  return values.map(({ value, count }) => `${value} ${count}`).join(", ");
}

/** The listing of one facet in a result, or a note if the facet is missing. */
function countsOf(result: SearchResult, facet: string): string {
  const found = result.facets.find((entry) => entry.facet === facet);
  return found === undefined ? `(no entry for facet ${facet})` : listing(found.values);
}

function show(query: SearchQuery): string {
  return JSON.stringify(query);
}

// ---------------------------------------------------------------------------------------------
// The rules as a brute-force model, from their definitions: for each facet, the documents that
// match the text and pass every filter but the facet's own, and each distinct value they have.

function listOf(value: FacetValue | undefined): string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : [...value];
}

function modelSearch(
  documents: ReadonlyMap<number, FacetedDocument>,
  facets: readonly string[],
  query: SearchQuery,
): SearchResult {
  const words = [...new Set(tokenize(query.text ?? ""))];
  const selected = new Map<string, Set<string>>();
  for (const [facet, value] of Object.entries(query.filters ?? {})) {
    if (listOf(value).length > 0) selected.set(facet, new Set(listOf(value)));
  }
  const valuesOf = (document: FacetedDocument, facet: string): Set<string> => new Set(listOf(document.facets?.[facet]));
  const passes = (document: FacetedDocument, facet: string): boolean => {
    const chosen = selected.get(facet);
    return chosen === undefined || [...valuesOf(document, facet)].some((value) => chosen.has(value));
  };
  const matches = [...documents].filter(([, document]) => {
    const own = tokenize(document.text);
    return words.every((word) => own.includes(word));
  });
  const hits = matches.filter(([, document]) => facets.every((facet) => passes(document, facet)));
  return {
    total: hits.length,
    ids: hits
      .map(([id]) => id)
      .sort((a, b) => a - b)
      .slice(0, query.limit ?? 20),
    facets: facets.map((facet) => {
      const counts = new Map<string, number>();
      for (const [, document] of matches) {
        if (!facets.every((other) => other === facet || passes(document, other))) continue;
        for (const value of valuesOf(document, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      const values = [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      return { facet, values: values.slice(0, query.maxValuesPerFacet ?? 10) };
    }),
  };
}

/** Checks a whole result against the model, naming the first part that differs. */
function expectAsModel(
  got: SearchResult,
  documents: ReadonlyMap<number, FacetedDocument>,
  facets: readonly string[],
  query: SearchQuery,
  context: string,
): void {
  const expected = modelSearch(documents, facets, query);
  ensure(
    got.total === expected.total && got.ids.join(",") === expected.ids.join(","),
    `${context}search(${show(query)}) found ${got.total} hits [${got.ids.join(", ")}]; the rules give ` +
      `${expected.total} [${expected.ids.join(", ")}]: a hit contains every word of the text and, in each facet ` +
      "with values selected, at least one of them (OR within a facet, AND across facets); ids ascending, the first `limit`.",
  );
  for (const { facet, values } of expected.facets) {
    ensure(
      countsOf(got, facet) === listing(values),
      `${context}search(${show(query)}): facet ${facet} listed [${countsOf(got, facet)}]; the rules give ` +
        `[${listing(values)}]. A facet is counted over the documents that match the text and pass every filter ` +
        "except its own, each document once per distinct value; count descending, then value ascending.",
    );
  }
  expect(got.facets.map((entry) => entry.facet)).toEqual([...facets]);
}

// ---------------------------------------------------------------------------------------------

describe("documents", () => {
  test("a new index is empty and keeps its facets in the order declared", () => {
    const shop = new FacetedSearch({ facets: ["size", "brand"] });
    expect(shop.size).toBe(0);
    expect(shop.has(1)).toBe(false);
    expect(shop.facets).toEqual(["size", "brand"]);
    expect(shop.search()).toEqual({
      total: 0,
      ids: [],
      facets: [
        { facet: "size", values: [] },
        { facet: "brand", values: [] },
      ],
    });
  });

  test("add, has, size and remove", () => {
    const shop = shopOf();
    expect(shop.size).toBe(7);
    expect(shop.has(3)).toBe(true);
    shop.remove(3);
    expect(shop.size).toBe(6);
    expect(shop.has(3)).toBe(false);
  });
});

describe("counts with nothing selected", () => {
  test("every value of every facet with how many products have it, most first, ties by value", () => {
    const result = shopOf().search();
    expect(result.total).toBe(7);
    expect(result.ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(countsOf(result, "brand")).toBe("Acme 2, Borealis 2, Cobalt 2, Dune 1");
    expect(countsOf(result, "color")).toBe("black 3, red 3, blue 2, white 2, brown 1");
    expect(countsOf(result, "size")).toBe("42 5, 41 3, 43 3, 44 2, 40 1");
  });

  test("a product with several values of one facet counts once under each of them", () => {
    const shop = shopOf([
      [1, { text: "sock", facets: { color: ["white", "black", "blue"] } }],
      [2, { text: "sock", facets: { color: ["white"] } }],
    ]);
    expect(countsOf(shop.search(), "color")).toBe("white 2, black 1, blue 1");
  });

  test("a value listed twice for one product counts once", () => {
    const shop = shopOf([
      [1, { text: "scarf", facets: { color: ["red", "red", "blue"] } }],
      [2, { text: "hat", facets: { color: "red" } }],
    ]);
    const color = countsOf(shop.search(), "color");
    ensure(
      color === "red 2, blue 1",
      `product 1 is tagged ["red", "red", "blue"] and product 2 "red"; the color facet listed [${color}], expected ` +
        "[red 2, blue 1]. A count is a number of products: a product counts once per distinct value, so a value " +
        "repeated in its list must not count it twice (dedupe the values when the product is added).",
    );
  });
});

describe("filters", () => {
  test("one selected value keeps the products that have it", () => {
    const result = shopOf().search({ filters: { color: ["red"] } });
    expect(result.ids).toEqual([1, 4, 7]);
    expect(result.total).toBe(3);
  });

  test("a value given as a string is a list of one", () => {
    expect(shopOf().search({ filters: { color: "red" } }).ids).toEqual([1, 4, 7]);
  });

  test("several values of one facet keep a product with any of them (OR within a facet)", () => {
    const query: SearchQuery = { filters: { color: ["red", "blue"] } };
    const { ids } = shopOf().search(query);
    ensure(
      ids.join(",") === "1,2,4,5,7",
      `search(${show(query)}) found [${ids.join(", ")}], expected [1, 2, 4, 5, 7]: ticking red and blue asks for ` +
        "products that are red OR blue (OR within a facet), never products that are both. No product here is both.",
    );
  });

  test("filters on different facets must all hold (AND across facets)", () => {
    const query: SearchQuery = { filters: { brand: ["Acme", "Cobalt"], size: ["42"] } };
    const { ids } = shopOf().search(query);
    ensure(
      ids.join(",") === "1,2,4",
      `search(${show(query)}) found [${ids.join(", ")}], expected [1, 2, 4]: a product must pass every facet's ` +
        "filter (AND across facets): brand Acme or Cobalt, and size 42.",
    );
  });

  test("a facet with nothing selected ([]) places no constraint", () => {
    const query: SearchQuery = { filters: { color: [], size: ["44"] } };
    const result = shopOf().search(query);
    ensure(
      result.ids.join(",") === "3,6",
      `search(${show(query)}) found [${result.ids.join(", ")}], expected [3, 6], the products in size 44. ` +
        "color: [] means nothing selected in the color facet, as when a shopper clears it: it filters nothing out " +
        "(it is not an OR over zero values, which would match no product).",
    );
    expect(countsOf(result, "color")).toBe("black 1, brown 1");
  });

  test("selecting only a value no product has finds nothing", () => {
    const query: SearchQuery = { filters: { color: ["purple"] } };
    const result = shopOf().search(query);
    ensure(
      result.total === 0 && result.ids.length === 0,
      `search(${show(query)}) found ${result.total} products [${result.ids.join(", ")}]; no product has the colour ` +
        "purple, so none passes the filter. A selected value no product has still selects: it must not be dropped " +
        "and the facet then treated as if nothing were selected.",
    );
    // The color facet is counted without its own filter: the shopper still sees every colour.
    expect(countsOf(result, "color")).toBe("black 3, red 3, blue 2, white 2, brown 1");
    expect(countsOf(result, "brand")).toBe("");
  });
});

describe("counts with filters", () => {
  test("choosing a colour still shows how many products each other colour has", () => {
    const query: SearchQuery = { filters: { color: ["red"] } };
    const color = countsOf(shopOf().search(query), "color");
    ensure(
      color === "black 3, red 3, blue 2, white 2, brown 1",
      `search(${show(query)}): the color facet listed [${color}], expected [black 3, red 3, blue 2, white 2, brown 1]. ` +
        "The color facet must be counted excluding the facet's own filter: over the products that pass every " +
        "other filter, so a shopper who chose red still sees that 2 products are blue (ticking blue too would add " +
        "them). Counted under its own filter, the facet shrinks to the colours of red products only.",
    );
  });

  test("the other facets are counted over the filtered products", () => {
    const query: SearchQuery = { filters: { color: ["red"] } };
    const result = shopOf().search(query);
    for (const [facet, expected] of [
      ["brand", "Acme 1, Cobalt 1, Dune 1"],
      ["size", "42 3, 41 2, 40 1, 43 1"],
    ] as const) {
      const got = countsOf(result, facet);
      ensure(
        got === expected,
        `search(${show(query)}): the ${facet} facet listed [${got}], expected [${expected}]. Facet counts must be ` +
          "taken over the filtered set: only the red products count in the brand and size facets, because the " +
          "shopper will only see red products. Counting every product shows numbers that clicking cannot deliver.",
      );
    }
  });

  test("with two facets filtered, each is counted under the other's filter only", () => {
    const query: SearchQuery = { filters: { brand: ["Acme", "Cobalt"], size: ["42"] } };
    const result = shopOf().search(query);
    const expected = {
      brand: "Acme 2, Borealis 1, Cobalt 1, Dune 1", // over the size-42 products: 1, 2, 4, 6, 7
      size: "42 3, 41 2, 40 1, 43 1", // over the Acme and Cobalt products: 1, 2, 4, 5
      color: "red 2, black 1, blue 1, white 1", // over the hits: 1, 2, 4
    };
    for (const [facet, want] of Object.entries(expected)) {
      const got = countsOf(result, facet);
      ensure(
        got === want,
        `search(${show(query)}): the ${facet} facet listed [${got}], expected [${want}]. Each facet is counted ` +
          "over the products that pass every filter except its own (brand under the size filter, size under the " +
          "brand filter), and a facet with nothing selected over the hits.",
      );
    }
  });

  test("a product that fails two filters counts in no facet", () => {
    const shop = shopOf([
      [1, { text: "a", facets: { brand: "Acme", color: "red" } }],
      [2, { text: "b", facets: { brand: "Dune", color: "blue" } }],
      [3, { text: "c", facets: { brand: "Acme", color: "blue" } }],
    ]);
    const result = shop.search({ filters: { brand: ["Acme"], color: ["red"] } });
    expect(result.ids).toEqual([1]);
    expect(countsOf(result, "brand")).toBe("Acme 1"); // product 2 is blue: it is not in brand's counting set
    expect(countsOf(result, "color")).toBe("blue 1, red 1"); // products 1 and 3 are Acme
  });
});

describe("the text query", () => {
  test("every word must be in the product, in any order and any case", () => {
    const shop = shopOf();
    expect(shop.search({ text: "running" }).ids).toEqual([1, 2, 5, 7]);
    const query: SearchQuery = { text: "SHOE running" };
    const { ids } = shop.search(query);
    ensure(
      ids.join(",") === "1,2,7",
      `search(${show(query)}) found [${ids.join(", ")}], expected [1, 2, 7]: a hit contains every word of the ` +
        "text (the socks match running but not shoe), compared after lower-casing.",
    );
  });

  test("words match whole words, not parts of words", () => {
    const { ids } = shopOf().search({ text: "hik" });
    ensure(
      ids.length === 0,
      `search({ text: "hik" }) found [${ids.join(", ")}]; "hik" is not a word of any product ("hiking" is): words ` +
        "match whole words, as the tokenizer splits them, not substrings of the text.",
    );
    expect(shopOf().search({ text: "3" }).ids).toEqual([5]);
  });

  test("a word no product has finds nothing and counts nothing", () => {
    const result = shopOf().search({ text: "running sandal" });
    expect(result).toEqual({
      total: 0,
      ids: [],
      facets: FACETS.map((facet) => ({ facet, values: [] })),
    });
  });

  test("a text with no word places no constraint", () => {
    for (const text of ["", "  ", "!!!"]) {
      expect(shopOf().search({ text }).total).toBe(7);
    }
  });

  test("facets are counted over the products that match the text", () => {
    const query: SearchQuery = { text: "running", filters: { color: ["black"] } };
    const result = shopOf().search(query);
    expect(result.ids).toEqual([1, 5]);
    const expected = { color: "black 2, blue 2, red 2, white 1", brand: "Acme 1, Cobalt 1", size: "42 1, 43 1" };
    for (const [facet, want] of Object.entries(expected)) {
      const got = countsOf(result, facet);
      ensure(
        got === want,
        `search(${show(query)}): the ${facet} facet listed [${got}], expected [${want}]. Counts are over the ` +
          "products that match the text (1, 2, 5, 7 for running), then the filters other than the facet's own.",
      );
    }
  });
});

describe("hits and listings", () => {
  test("ids come smallest first, at most `limit` of them, while total counts every hit", () => {
    const shop = shopOf([...SHOP].reverse());
    const result = shop.search({ limit: 3 });
    expect(result.ids).toEqual([1, 2, 3]);
    expect(result.total).toBe(7);
    expect(shop.search({ filters: { color: ["black"] }, limit: 2 }).ids).toEqual([1, 5]);
  });

  test("limit 0 returns the counts and the total without ids", () => {
    const result = shopOf().search({ limit: 0, filters: { brand: ["Borealis"] } });
    expect(result.ids).toEqual([]);
    expect(result.total).toBe(2);
    expect(countsOf(result, "size")).toBe("43 2, 44 2, 42 1");
  });

  test("equal counts list the smaller value first, also at the maxValuesPerFacet cut", () => {
    // Added in reverse, the index meets the values in another order: the listing must not change.
    for (const documents of [SHOP, [...SHOP].reverse()]) {
      const result = shopOf(documents).search({ maxValuesPerFacet: 2 });
      for (const [facet, want] of [
        ["brand", "Acme 2, Borealis 2"],
        ["color", "black 3, red 3"],
        ["size", "42 5, 41 3"],
      ] as const) {
        const got = countsOf(result, facet);
        ensure(
          got === want,
          `with maxValuesPerFacet 2 the ${facet} facet listed [${got}], expected [${want}]` +
            `${documents === SHOP ? "" : " (products added in reverse order)"}: count descending, then by value ` +
            "ascending, so equal counts at the cut keep the smaller values whatever order the products arrived in.",
        );
      }
    }
  });

  test("values compare as strings with <: capitals before lower case, '10' before '9'", () => {
    const shop = shopOf(
      [
        [1, { text: "a", facets: { size: ["9", "10"], brand: "acme" } }],
        [2, { text: "b", facets: { size: ["9", "10"], brand: "Zeta" } }],
      ],
      ["size", "brand"],
    );
    const result = shop.search();
    expect(countsOf(result, "size")).toBe("10 2, 9 2");
    expect(countsOf(result, "brand")).toBe("Zeta 1, acme 1");
  });
});

describe("updates and removals", () => {
  test("after update, the old values neither match nor count, and the new ones do", () => {
    const shop = shopOf();
    shop.search({ filters: { color: ["red"] } });
    shop.update(1, { text: "Trail running shoe", facets: { brand: "Acme", color: ["green"], size: ["42", "43"] } });
    const query: SearchQuery = { filters: { color: ["red"] } };
    const result = shop.search(query);
    const color = countsOf(result, "color");
    ensure(
      result.ids.join(",") === "4,7" && color === "black 2, blue 2, red 2, white 2, brown 1, green 1",
      `product 1 was red and black, then updated to green. search(${show(query)}) found ` +
        `[${result.ids.join(", ")}] with colours [${color}]; expected [4, 7] with [black 2, blue 2, red 2, white 2, ` +
        "brown 1, green 1]. An update replaces the product's values: its old values must be taken out (or a " +
        "result cached before the update is being served).",
    );
  });

  test("after update, the old words no longer find the product", () => {
    const shop = shopOf();
    shop.update(2, { text: "Road cycling jersey", facets: { brand: "Acme", color: "blue" } });
    expect(shop.search({ text: "running" }).ids).toEqual([1, 5, 7]);
    expect(shop.search({ text: "cycling" }).ids).toEqual([2]);
  });

  test("after remove, the product is neither found nor counted", () => {
    const shop = shopOf();
    shop.search({ filters: { brand: ["Dune"] } });
    shop.remove(7);
    const query: SearchQuery = { filters: { brand: ["Dune"] } };
    const result = shop.search(query);
    ensure(
      result.total === 0 && !countsOf(result, "brand").includes("Dune") && !countsOf(result, "size").includes("41"),
      `product 7, the only Dune, was removed; search(${show(query)}) still found ${result.total} with brands ` +
        `[${countsOf(result, "brand")}] and sizes [${countsOf(result, "size")}]. A removed product must leave every ` +
        "count (or a result cached before the removal is being served).",
    );
  });

  test("a search after a change answers for the index as it is now", () => {
    const shop = shopOf();
    const query: SearchQuery = { text: "shoe", filters: { color: ["red"] } };
    const before = shop.search(query);
    shop.add(8, { text: "Approach shoe", facets: { brand: "Dune", color: "red", size: "44" } });
    const after = shop.search(query);
    ensure(
      after.total === before.total + 1 && countsOf(after, "brand") === "Dune 2, Acme 1",
      `search(${show(query)}) found ${before.total}, then product 8 (a red Dune shoe) was added and the same query ` +
        `found ${after.total} with brands [${countsOf(after, "brand")}]; expected ${before.total + 1} with [Dune 2, ` +
        "Acme 1]. A result cached before the change must not be served after it.",
    );
  });

  test("remove then add again under the same id", () => {
    const shop = shopOf();
    shop.remove(3);
    shop.add(3, { text: "Sandal", facets: { color: "tan" } });
    const result = shop.search({ text: "sandal" });
    expect(result.ids).toEqual([3]);
    expect(countsOf(result, "brand")).toBe("");
    expect(countsOf(result, "color")).toBe("tan 1");
  });
});

describe("property: every answer follows the rules", () => {
  const WORDS = ["red", "shoe", "trail", "wool", "sock"];
  const COLORS = ["red", "blue", "black", "white"];
  const SIZES = ["40", "41", "42"];
  const BRANDS = ["Acme", "Dune", "Zeta"];
  const facetValue = (values: string[]): fc.Arbitrary<FacetValue> =>
    fc.oneof(fc.constantFrom(...values), fc.array(fc.constantFrom(...values), { maxLength: 3 }));
  const document: fc.Arbitrary<FacetedDocument> = fc.record({
    text: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }).map((words) => words.join(" ")),
    facets: fc.record(
      { color: facetValue(COLORS), size: facetValue(SIZES), brand: facetValue(BRANDS) },
      { requiredKeys: [] },
    ),
  });
  const query: fc.Arbitrary<SearchQuery> = fc.record(
    {
      text: fc.array(fc.constantFrom(...WORDS, "boot"), { maxLength: 2 }).map((words) => words.join(" ")),
      filters: fc.record(
        {
          color: fc.array(fc.constantFrom(...COLORS, "green"), { maxLength: 2 }),
          size: fc.array(fc.constantFrom(...SIZES), { maxLength: 2 }),
          brand: fc.array(fc.constantFrom(...BRANDS), { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
      limit: fc.integer({ min: 0, max: 4 }),
      maxValuesPerFacet: fc.integer({ min: 1, max: 3 }),
    },
    { requiredKeys: [] },
  );
  type Change = { kind: "put"; id: number; document: FacetedDocument } | { kind: "remove"; id: number };
  const change: fc.Arbitrary<Change> = fc.oneof(
    fc.record({ kind: fc.constant("put" as const), id: fc.integer({ min: 0, max: 9 }), document }),
    fc.record({ kind: fc.constant("remove" as const), id: fc.integer({ min: 0, max: 9 }) }),
  );

  test("adds, updates and removes, then queries: each answer equals the brute-force model", () => {
    const facets = ["color", "size", "brand"];
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 25 }),
        fc.array(query, { minLength: 1, maxLength: 4 }),
        (changes, queries) => {
          const shop = new FacetedSearch({ facets });
          const model = new Map<number, FacetedDocument>();
          const history: string[] = [];
          for (const step of changes) {
            if (step.kind === "put") {
              if (model.has(step.id)) shop.update(step.id, step.document);
              else shop.add(step.id, step.document);
              model.set(step.id, step.document);
              history.push(`put ${step.id} ${JSON.stringify(step.document)}`);
            } else if (model.has(step.id)) {
              shop.remove(step.id);
              model.delete(step.id);
              history.push(`remove ${step.id}`);
            }
          }
          const context = `after ${history.length === 0 ? "no change" : history.join("; ")}: `;
          for (const q of queries) expectAsModel(shop.search(q), model, facets, q, context);
        },
      ),
      propertySettings(100),
    );
  });
});

describe("bad input gets a FacetedSearchError with a code", () => {
  const messageOf = (act: () => unknown): string => messageOfError(FacetedSearchError, act);

  /** The code `act` is refused with; a call that returns normally fails with `lesson`. */
  function refusal(act: () => unknown, lesson: string): FacetedSearchErrorCode {
    try {
      act();
    } catch (error) {
      if (error instanceof FacetedSearchError) return error.code;
      throw error;
    }
    throw new Error(lesson);
  }

  test.each([
    ["no facets", { facets: [] }],
    ["an empty name", { facets: ["color", ""] }],
    ["a name twice", { facets: ["color", "size", "color"] }],
    ["a string, not a list", { facets: "color" }],
    ["a number in the list", { facets: ["color", 7] }],
    ["no options", undefined],
  ])("declaring %s is refused with INVALID_FACETS", (_, options) => {
    expect(codeOf(FacetedSearchError, () => new FacetedSearch(options as never))).toBe("INVALID_FACETS");
  });

  test("the INVALID_FACETS message names the facet declared twice", () => {
    expect(messageOf(() => new FacetedSearch({ facets: ["color", "size", "color"] }))).toMatch(/"color"/);
  });

  test.each([-1, 1.5, Number.NaN, 2 ** 53, "7"])("document id %p is refused by add, update and remove", (id) => {
    const shop = shopOf();
    const document: FacetedDocument = { text: "x" };
    expect(codeOf(FacetedSearchError, () => shop.add(id as number, document))).toBe("INVALID_DOCUMENT_ID");
    expect(codeOf(FacetedSearchError, () => shop.update(id as number, document))).toBe("INVALID_DOCUMENT_ID");
    expect(codeOf(FacetedSearchError, () => shop.remove(id as number))).toBe("INVALID_DOCUMENT_ID");
    expect(shop.size).toBe(7);
  });

  test.each([
    ["null", null],
    ["a string", "Trail running shoe"],
    ["no text", { facets: { color: "red" } }],
    ["a number as text", { text: 42 }],
    ["facets as a list", { text: "shoe", facets: ["red"] }],
  ])("a document that is %s is refused with INVALID_DOCUMENT", (_, document) => {
    expect(codeOf(FacetedSearchError, () => shopOf().add(9, document as never))).toBe("INVALID_DOCUMENT");
  });

  test("a facet that was not declared is refused in documents and in filters, and the message lists the facets", () => {
    const shop = shopOf();
    expect(codeOf(FacetedSearchError, () => shop.add(9, { text: "x", facets: { colour: "red" } }))).toBe(
      "UNKNOWN_FACET",
    );
    expect(codeOf(FacetedSearchError, () => shop.search({ filters: { colour: ["red"] } }))).toBe("UNKNOWN_FACET");
    const message = messageOf(() => shop.search({ filters: { colour: ["red"] } }));
    for (const word of ["colour", "brand", "color", "size"]) expect(message).toContain(`"${word}"`);
  });

  test.each([
    ["an empty string", ""],
    ["an empty string in a list", ["red", ""]],
    ["a number", 42],
    ["a number in a list", ["red", 42]],
    ["null", null],
  ])("a facet value that is %s is refused with INVALID_FACET_VALUE", (_, value) => {
    const shop = shopOf();
    const code = refusal(
      () => shop.add(9, { text: "x", facets: { color: value as FacetValue } }),
      `add(9, { facets: { color: ${JSON.stringify(value)} } }) was accepted. A facet value is a non-empty string: ` +
        "an empty string is no value (a shop would list a blank entry, counted, that no shopper can pick); for " +
        '"no colour" leave the facet out or give [].',
    );
    expect(code).toBe("INVALID_FACET_VALUE");
    expect(shop.has(9)).toBe(false);
  });

  test("an empty string as a selected value is refused too", () => {
    const code = refusal(
      () => shopOf().search({ filters: { color: [""] } }),
      'search({ filters: { color: [""] } }) was accepted; an empty string is no value: for nothing selected give [].',
    );
    expect(code).toBe("INVALID_FACET_VALUE");
  });

  test("the INVALID_FACET_VALUE message names the facet and the value", () => {
    const message = messageOf(() => shopOf().add(9, { text: "x", facets: { size: ["42", 42 as never] } }));
    expect(message).toContain('"size"');
    expect(message).toContain("42");
  });

  test("adding an id twice is refused with DUPLICATE_DOCUMENT, and the message says to call update", () => {
    const shop = shopOf();
    expect(codeOf(FacetedSearchError, () => shop.add(1, { text: "x" }))).toBe("DUPLICATE_DOCUMENT");
    expect(messageOf(() => shop.add(1, { text: "x" }))).toMatch(/update/);
    expect(shop.search({ text: "trail" }).ids).toEqual([1]);
  });

  test("updating or removing an id not indexed is refused with UNKNOWN_DOCUMENT", () => {
    const shop = shopOf();
    expect(codeOf(FacetedSearchError, () => shop.update(99, { text: "x" }))).toBe("UNKNOWN_DOCUMENT");
    expect(codeOf(FacetedSearchError, () => shop.remove(99))).toBe("UNKNOWN_DOCUMENT");
    expect(messageOf(() => shop.update(99, { text: "x" }))).toMatch(/add/);
    expect(shop.size).toBe(7);
  });

  test.each([
    ["null", null],
    ["a string", "red shoes"],
    ["a number as text", { text: 42 }],
    ["filters as a list", { filters: ["red"] }],
  ])("a query that is %s is refused with INVALID_QUERY", (_, query) => {
    expect(codeOf(FacetedSearchError, () => shopOf().search(query as never))).toBe("INVALID_QUERY");
  });

  test.each([
    ["limit", -1],
    ["limit", 2.5],
    ["limit", Number.NaN],
    ["maxValuesPerFacet", 0],
    ["maxValuesPerFacet", 1.5],
  ])("%s %p is refused with INVALID_LIMIT", (name, value) => {
    expect(codeOf(FacetedSearchError, () => shopOf().search({ [name]: value }))).toBe("INVALID_LIMIT");
    expect(messageOf(() => shopOf().search({ [name]: value }))).toContain(name);
  });

  test("a call that throws changes nothing", () => {
    const shop = shopOf();
    const before = shop.search();
    expect(() => shop.add(9, { text: "boot", facets: { color: "red", size: "" } })).toThrow(FacetedSearchError);
    expect(() => shop.update(1, { text: "boot", facets: { color: "green", colour: "red" } })).toThrow(
      FacetedSearchError,
    );
    expect(shop.has(9)).toBe(false);
    expect(shop.search()).toEqual(before);
    expect(shop.search({ text: "trail" }).ids).toEqual([1]);
  });
});

describe("the README's example", () => {
  test("gives the figures the README shows", () => {
    const shop = new FacetedSearch({ facets: ["brand", "color", "size"] });
    for (const id of [1, 2, 4, 7]) shop.add(id, (SHOP.find(([key]) => key === id) as [number, FacetedDocument])[1]);
    const result = shop.search({ text: "running", filters: { color: ["red"] } });
    expect(result.total).toBe(2);
    expect(result.ids).toEqual([1, 7]);
    expect(countsOf(result, "brand")).toBe("Acme 1, Dune 1");
    expect(countsOf(result, "color")).toBe("red 2, black 1, blue 1");
    expect(countsOf(result, "size")).toBe("42 2, 41 1, 43 1");
    expect(shop.search({ filters: { color: ["red", "blue"], size: "40" } }).ids).toEqual([4]);
    expect(shop.search({ filters: { color: [] } }).total).toBe(4);
  });
});
