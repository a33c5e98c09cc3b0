/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import fc from "fast-check";
import { codeOf, ensure, messageOf, propertySettings, testSeed } from "#kata/testing";
import { FacetedSearchError } from "./src/errors";
import {
  FacetedSearch,
  tokenize,
  type FacetCount,
  type FacetedDocument,
  type FacetValue,
  type SearchQuery,
  type SearchResult,
} from "./src/faceted-search";

function listing(values: readonly FacetCount[]): string {
  return values.map(({ value, count }) => `${value} ${count}`).join(", ");
}

function countsOf(result: SearchResult, facet: string): string {
  const found = result.facets.find((entry) => entry.facet === facet);
  return found === undefined ? `(no entry for facet ${facet})` : listing(found.values);
}

function listOf(value: FacetValue | undefined): string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : [...value];
}

/** The rules from their definitions, by brute force (the same model as the visible tests'). */
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
    `${context}: search(${JSON.stringify(query)}) found ${got.total} hits [${got.ids.join(", ")}]; the rules give ` +
      `${expected.total} [${expected.ids.join(", ")}].`,
  );
  for (const { facet, values } of expected.facets) {
    ensure(
      countsOf(got, facet) === listing(values),
      `${context}: search(${JSON.stringify(query)}): facet ${facet} listed [${countsOf(got, facet)}]; the rules give ` +
        `[${listing(values)}]. A facet is counted over the documents that match the text and pass every filter ` +
        "except its own, each document once per distinct value.",
    );
  }
}

describe("hidden: counting sets with three filters", () => {
  const FACETS = ["brand", "color", "size"];
  const shop = new FacetedSearch({ facets: FACETS });
  const documents: [number, FacetedDocument][] = [
    [1, { text: "a", facets: { brand: "Acme", color: "red", size: "M" } }], // passes all three
    [2, { text: "b", facets: { brand: "Dune", color: "red", size: "M" } }], // fails brand only
    [3, { text: "c", facets: { brand: "Acme", color: "blue", size: "M" } }], // fails color only
    [4, { text: "d", facets: { brand: "Acme", color: "red", size: "L" } }], // fails size only
    [5, { text: "e", facets: { brand: "Dune", color: "blue", size: "M" } }], // fails brand and color
    [6, { text: "f", facets: { brand: "Zeta", color: "green", size: "S" } }], // fails all three
  ];
  for (const [id, document] of documents) shop.add(id, document);
  const query: SearchQuery = { filters: { brand: ["Acme"], color: ["red"], size: ["M"] } };

  test("a product failing exactly one filter counts in that facet only; failing two, nowhere", () => {
    const result = shop.search(query);
    expect(result.ids).toEqual([1]);
    const expected = { brand: "Acme 1, Dune 1", color: "blue 1, red 1", size: "L 1, M 1" };
    for (const [facet, want] of Object.entries(expected)) {
      const got = countsOf(result, facet);
      ensure(
        got === want,
        `search(${JSON.stringify(query)}): facet ${facet} listed [${got}], expected [${want}]. Each facet is ` +
          "counted over the products that pass every filter except its own: product 5 fails brand and color, so " +
          "it counts in neither; products 2, 3 and 4 each fail one filter and count in that facet alone.",
      );
    }
  });
});

describe("hidden: values and words", () => {
  test("values are ordered by UTF-16 code units with <, not by locale", () => {
    const shop = new FacetedSearch({ facets: ["tag"] });
    shop.add(1, { text: "x", facets: { tag: ["apple", "Zebra", "Äpfel", "ｚ", "😀", "10", "9"] } });
    const got = countsOf(shop.search(), "tag");
    ensure(
      got === "10 1, 9 1, Zebra 1, apple 1, Äpfel 1, 😀 1, ｚ 1",
      `equal counts listed [${got}]; compared with < (UTF-16 code units) they come as [10, 9, Zebra, apple, ` +
        "Äpfel, 😀, ｚ]: localeCompare or a numeric comparison gives another order, and the spec fixes this one.",
    );
  });

  test("a product with two of the selected values is one hit and counts once under each", () => {
    const shop = new FacetedSearch({ facets: ["color", "size"] });
    shop.add(1, { text: "scarf", facets: { color: ["red", "blue"], size: "M" } });
    shop.add(2, { text: "scarf", facets: { color: ["red"], size: "L" } });
    const result = shop.search({ filters: { color: ["red", "blue", "red"] } });
    expect(result.total).toBe(2);
    expect(result.ids).toEqual([1, 2]);
    expect(countsOf(result, "color")).toBe("red 2, blue 1");
    expect(countsOf(result, "size")).toBe("L 1, M 1");
  });

  test("a repeated or differently cased query word is one word; letters beyond ASCII are words too", () => {
    const shop = new FacetedSearch({ facets: ["color"] });
    shop.add(1, { text: "Café Zürich mug", facets: { color: "white" } });
    shop.add(2, { text: "cafe mug", facets: { color: "black" } });
    expect(shop.search({ text: "MUG mug" }).ids).toEqual([1, 2]);
    expect(shop.search({ text: "café" }).ids).toEqual([1]);
    expect(shop.search({ text: "zürich, MUG!" }).ids).toEqual([1]);
    expect(shop.search({ text: "caf" }).ids).toEqual([]);
  });

  test("a document with no text and no facets is a hit of the empty query and counts nowhere", () => {
    const shop = new FacetedSearch({ facets: ["color"] });
    shop.add(0, { text: "" });
    shop.add(Number.MAX_SAFE_INTEGER, { text: "", facets: { color: [] } });
    const result = shop.search();
    expect(result).toEqual({ total: 2, ids: [0, Number.MAX_SAFE_INTEGER], facets: [{ facet: "color", values: [] }] });
    expect(shop.search({ text: "anything" }).total).toBe(0);
  });

  test("changing the caller's arrays after add changes nothing in the index", () => {
    const shop = new FacetedSearch({ facets: ["color"] });
    const colors = ["red"];
    const document = { text: "hat", facets: { color: colors } };
    shop.add(1, document);
    colors.push("blue");
    document.text = "scarf";
    const result = shop.search({ text: "hat" });
    ensure(
      result.total === 1 && countsOf(result, "color") === "red 1",
      `product 1 was added as a red hat; the caller then pushed "blue" into the same array and changed the text. ` +
        `search({ text: "hat" }) found ${result.total} with colours [${countsOf(result, "color")}], expected 1 with ` +
        "[red 1]: the index must copy what add() is given, not keep the caller's arrays.",
    );
  });

  test("the facets property is a copy", () => {
    const shop = new FacetedSearch({ facets: ["color", "size"] });
    (shop.facets as string[]).push("brand");
    expect(shop.facets).toEqual(["color", "size"]);
  });

  test("limit and maxValuesPerFacet larger than what there is give everything", () => {
    const shop = new FacetedSearch({ facets: ["color"] });
    shop.add(2, { text: "a", facets: { color: ["red", "blue"] } });
    shop.add(1, { text: "b", facets: { color: "red" } });
    const result = shop.search({ limit: 1_000, maxValuesPerFacet: 1_000 });
    expect(result.ids).toEqual([1, 2]);
    expect(countsOf(result, "color")).toBe("red 2, blue 1");
    expect(shop.search({ limit: 2, maxValuesPerFacet: 2 }).ids).toEqual([1, 2]);
    expect(countsOf(shop.search({ maxValuesPerFacet: 1 }), "color")).toBe("red 2");
  });
});

describe("hidden: updates, removals and reused slots", () => {
  test("an update that is refused leaves the old words and values in place", () => {
    const shop = new FacetedSearch({ facets: ["color", "size"] });
    shop.add(1, { text: "wool hat", facets: { color: "red", size: "M" } });
    expect(() => shop.update(1, { text: "cotton cap", facets: { color: "blue", size: [""] } })).toThrow(
      FacetedSearchError,
    );
    const result = shop.search({ text: "wool" });
    expect(result.ids).toEqual([1]);
    expect(countsOf(result, "color")).toBe("red 1");
    expect(shop.search({ text: "cotton" }).total).toBe(0);
  });

  test("a removed product's place taken by another leaves nothing of the first behind", () => {
    const shop = new FacetedSearch({ facets: ["color", "size"] });
    shop.add(1, { text: "wool hat", facets: { color: ["red", "black"], size: "M" } });
    shop.add(2, { text: "wool scarf", facets: { color: "grey" } });
    shop.remove(1);
    shop.add(99, { text: "linen shirt" });
    const all = shop.search();
    expect(all.ids).toEqual([2, 99]);
    expect(countsOf(all, "color")).toBe("grey 1");
    expect(countsOf(all, "size")).toBe("");
    expect(shop.search({ text: "hat" }).total).toBe(0);
    expect(shop.search({ filters: { color: ["red"] } }).total).toBe(0);
  });

  test("many updates of the same products keep every count exact", () => {
    const facets = ["color", "size"];
    const colors = ["red", "blue", "green", "black", "white"];
    const shop = new FacetedSearch({ facets });
    const model = new Map<number, FacetedDocument>();
    for (let round = 0; round < 60; round++) {
      for (let id = 0; id < 12; id++) {
        const document: FacetedDocument = {
          text: `item ${round % 3 === 0 ? "sale" : "new"} ${id}`,
          facets: {
            color: colors.filter((_, c) => (id + round + c) % (2 + ((round + id) % 3)) === 0),
            size: (round + id) % 4 === 0 ? [] : [`${(round * id) % 5}`],
          },
        };
        if (model.has(id)) shop.update(id, document);
        else shop.add(id, document);
        model.set(id, document);
      }
      if (round % 7 === 3) {
        shop.remove(round % 12);
        model.delete(round % 12);
      }
    }
    const queries: SearchQuery[] = [
      {},
      { text: "sale" },
      { filters: { color: ["red", "black"] } },
      { filters: { size: ["1"] } },
    ];
    for (const query of queries) {
      expectAsModel(shop.search(query), model, facets, query, "after 720 updates of 12 products and 8 removals");
    }
  });

  test("everything removed, then added again", () => {
    const shop = new FacetedSearch({ facets: ["color"] });
    for (let id = 0; id < 50; id++) shop.add(id, { text: `item ${id}`, facets: { color: id % 2 ? "odd" : "even" } });
    for (let id = 0; id < 50; id++) shop.remove(id);
    expect(shop.size).toBe(0);
    expect(shop.search()).toEqual({ total: 0, ids: [], facets: [{ facet: "color", values: [] }] });
    for (let id = 100; id < 103; id++) shop.add(id, { text: "item", facets: { color: "new" } });
    expect(countsOf(shop.search({ text: "item" }), "color")).toBe("new 3");
  });
});

describe("hidden: property with more facets and longer histories", () => {
  const WORDS = ["red", "shoe", "trail", "wool", "sock", "hat"];
  const VALUES = {
    color: ["red", "blue", "black", "white", "green"],
    size: ["S", "M", "L"],
    brand: ["Acme", "Dune", "Zeta", "acme"],
    fit: ["slim", "wide"],
  };
  const FACETS = Object.keys(VALUES);
  const valueOf = (values: string[]): fc.Arbitrary<FacetValue> =>
    fc.oneof(fc.constantFrom(...values), fc.array(fc.constantFrom(...values), { maxLength: 4 }));
  const document: fc.Arbitrary<FacetedDocument> = fc.record({
    text: fc.array(fc.constantFrom(...WORDS, "RED", "Wool,"), { maxLength: 4 }).map((words) => words.join(" ")),
    facets: fc.record(
      {
        color: valueOf(VALUES.color),
        size: valueOf(VALUES.size),
        brand: valueOf(VALUES.brand),
        fit: valueOf(VALUES.fit),
      },
      { requiredKeys: [] },
    ),
  });
  const query: fc.Arbitrary<SearchQuery> = fc.record(
    {
      text: fc.array(fc.constantFrom(...WORDS, "boot"), { maxLength: 2 }).map((words) => words.join(" ")),
      filters: fc.record(
        {
          color: fc.array(fc.constantFrom(...VALUES.color, "purple"), { maxLength: 3 }),
          size: fc.array(fc.constantFrom(...VALUES.size), { maxLength: 2 }),
          brand: fc.array(fc.constantFrom(...VALUES.brand), { maxLength: 2 }),
          fit: valueOf(VALUES.fit),
        },
        { requiredKeys: [] },
      ),
      limit: fc.integer({ min: 0, max: 6 }),
      maxValuesPerFacet: fc.integer({ min: 1, max: 4 }),
    },
    { requiredKeys: [] },
  );
  type Change = { kind: "put"; id: number; document: FacetedDocument } | { kind: "remove"; id: number };
  const change: fc.Arbitrary<Change> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant("put" as const), id: fc.integer({ min: 0, max: 14 }), document }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), id: fc.integer({ min: 0, max: 14 }) }) },
  );

  test("queries between changes all equal the model", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(change, query), { minLength: 1, maxLength: 40 }), (steps) => {
        const shop = new FacetedSearch({ facets: FACETS });
        const model = new Map<number, FacetedDocument>();
        steps.forEach(([step, q], i) => {
          if (step.kind === "put") {
            if (model.has(step.id)) shop.update(step.id, step.document);
            else shop.add(step.id, step.document);
            model.set(step.id, step.document);
          } else if (model.has(step.id)) {
            shop.remove(step.id);
            model.delete(step.id);
          }
          expectAsModel(shop.search(q), model, FACETS, q, `step ${i + 1} (${step.kind} ${step.id})`);
        });
      }),
      propertySettings(60),
    );
  });
});

describe("hidden: bad input", () => {
  test("undefined as a filter's value is refused, not read as nothing selected", () => {
    const shop = new FacetedSearch({ facets: ["color"] });
    expect(codeOf(FacetedSearchError, () => shop.search({ filters: { color: undefined as never } }))).toBe(
      "INVALID_FACET_VALUE",
    );
  });

  test("facets given as a string or with a non-object options are refused", () => {
    expect(codeOf(FacetedSearchError, () => new FacetedSearch(null as never))).toBe("INVALID_FACETS");
    expect(codeOf(FacetedSearchError, () => new FacetedSearch({} as never))).toBe("INVALID_FACETS");
  });

  test("a refused add of a new id leaves no trace, and the id can be added afterwards", () => {
    const shop = new FacetedSearch({ facets: ["color"] });
    expect(() => shop.add(5, { text: "hat", facets: { color: ["red", 7 as never] } })).toThrow(FacetedSearchError);
    expect(shop.size).toBe(0);
    shop.add(5, { text: "hat", facets: { color: "red" } });
    expect(countsOf(shop.search(), "color")).toBe("red 1");
  });

  test("remove of an id not indexed, and of one already removed", () => {
    const shop = new FacetedSearch({ facets: ["color"] });
    shop.add(1, { text: "x" });
    shop.remove(1);
    expect(codeOf(FacetedSearchError, () => shop.remove(1))).toBe("UNKNOWN_DOCUMENT");
    expect(codeOf(FacetedSearchError, () => shop.update(1, { text: "y" }))).toBe("UNKNOWN_DOCUMENT");
  });
});

describe("hidden: each refusal's message names what was wrong", () => {
  const shopOf = (): FacetedSearch => {
    const shop = new FacetedSearch({ facets: ["brand", "color"] });
    shop.add(1, { text: "wool hat", facets: { brand: "Acme", color: "red" } });
    return shop;
  };
  const cases: [string, () => unknown, string[]][] = [
    ["no facets", () => new FacetedSearch({ facets: [] }), ["[]", "at least one"]],
    ["a facet name that is a number", () => new FacetedSearch({ facets: ["a", 7 as never] }), ["7", "facet name"]],
    ["a facet declared twice", () => new FacetedSearch({ facets: ["a", "b", "a"] }), ['"a"', "twice"]],
    ["facets that are not a list", () => new FacetedSearch({ facets: "color" as never }), ['"color"', "list"]],
    ["an id of 1.5", () => shopOf().add(1.5, { text: "x" }), ["1.5", "integer"]],
    ["an id given as a string", () => shopOf().remove("7" as never), ['"7"', "integer"]],
    ["a document that is a string", () => shopOf().add(2, "hat" as never), ['"hat"', "object"]],
    ["a text that is a number", () => shopOf().add(2, { text: 42 as never }), ["42", "text"]],
    ["facets that are a list", () => shopOf().add(2, { text: "x", facets: ["red"] as never }), ['["red"]', "object"]],
    [
      "an undeclared facet",
      () => shopOf().add(2, { text: "x", facets: { size: "M" } }),
      ['"size"', '"brand"', '"color"'],
    ],
    ["an empty value", () => shopOf().add(2, { text: "x", facets: { color: "" } }), ['"color"', '""', "non-empty"]],
    ["a duplicate id", () => shopOf().add(1, { text: "x" }), ["1", "update"]],
    ["an unknown id for update", () => shopOf().update(9, { text: "x" }), ["9", "add"]],
    ["an unknown id for remove", () => shopOf().remove(9), ["9"]],
    ["a query that is a string", () => shopOf().search("hat" as never), ['"hat"', "object"]],
    ["a text query that is a number", () => shopOf().search({ text: 42 as never }), ["42", "text"]],
    ["filters that are a list", () => shopOf().search({ filters: ["red"] as never }), ['["red"]', "filters"]],
    ["a filter on an undeclared facet", () => shopOf().search({ filters: { size: ["M"] } }), ['"size"', '"color"']],
    ["a negative limit", () => shopOf().search({ limit: -1 }), ["limit", "-1", "0"]],
    ["a maxValuesPerFacet of 0", () => shopOf().search({ maxValuesPerFacet: 0 }), ["maxValuesPerFacet", "0", "1"]],
  ];

  test.each(cases)("%s", (_, act, fragments) => {
    let message: string | undefined;
    try {
      act();
    } catch (error) {
      if (!(error instanceof FacetedSearchError)) throw error;
      message = error.message;
    }
    ensure(message !== undefined, "the call was accepted; it must be refused with a FacetedSearchError");
    for (const fragment of fragments) {
      ensure(
        message.includes(fragment),
        `the message ${JSON.stringify(message)} should name ${fragment}: a caller fixes the call from one log line`,
      );
    }
  });
});

describe("hidden: larger indexes", () => {
  /** A seeded generator of integers in [0, n), so a failure replays. */
  function randomInts(seed: number): (n: number) => number {
    let state = seed >>> 0;
    return (n) => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
  }
  function shuffled<T>(items: readonly T[], next: (n: number) => number): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = next(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  test("ids arriving in no order: the first `limit` hits are still the smallest ids", () => {
    const next = randomInts(testSeed());
    const facets = ["color", "size"];
    const colors = ["red", "blue", "green", "black"];
    const shop = new FacetedSearch({ facets });
    const model = new Map<number, FacetedDocument>();
    const ids = shuffled(
      Array.from({ length: 300 }, (_, i) => i * 37 + next(37)),
      next,
    );
    for (const id of ids) {
      const document: FacetedDocument = {
        text: `item ${next(3) === 0 ? "sale" : "new"}`,
        facets: { color: [colors[next(4)] as string, colors[next(4)] as string], size: `${next(6)}` },
      };
      shop.add(id, document);
      model.set(id, document);
    }
    for (const query of [{}, { text: "sale" }, { filters: { color: ["red"], size: ["1", "2"] } }] as SearchQuery[]) {
      const every = modelSearch(model, facets, { ...query, limit: 300 }).ids;
      for (const limit of [1, 2, 3, 5, 8, 20, 64, 300]) {
        const q = { ...query, limit };
        const got = shop.search(q).ids;
        const want = every.slice(0, limit);
        ensure(
          got.join(",") === want.join(","),
          `300 products added in shuffled id order; search(${JSON.stringify(q)}) gave ids [${got.join(", ")}], ` +
            `expected the ${limit} smallest hits [${want.join(", ")}]. The ids are the smallest \`limit\` of ` +
            "every hit, whatever order the products arrived in (a bounded max-heap, or a sort, keeps them).",
        );
      }
      expectAsModel(shop.search(query), model, facets, query, "300 products in shuffled id order");
    }
  });

  test("a product with hundreds of values, beside products with none and with one", () => {
    const next = randomInts(testSeed() + 1);
    const shop = new FacetedSearch({ facets: ["tag"] });
    shop.add(0, { text: "plain" });
    shop.add(1, { text: "one", facets: { tag: "x" } });
    shop.add(2, { text: "two", facets: { tag: "y" } });
    const many = shuffled(
      Array.from({ length: 300 }, (_, i) => `t${i}`),
      next,
    );
    shop.add(3, { text: "many", facets: { tag: many } });
    const expected = [...many, "x", "y"].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const got = countsOf(shop.search({ maxValuesPerFacet: 1000 }), "tag");
    const want = expected.map((value) => `${value} 1`).join(", ");
    ensure(
      got === want,
      `products 1 and 2 are tagged x and y, product 3 has 300 tags t0 to t299 (added in shuffled order); every ` +
        `tag counts 1, listed by value ascending. Got [${got.slice(0, 200)}...], expected [${want.slice(0, 200)}...].`,
    );
    expect(shop.search({ filters: { tag: ["x"] } }).ids).toEqual([1]);
    expect(shop.search({ filters: { tag: ["y"] } }).ids).toEqual([2]);
    expect(shop.search({ filters: { tag: ["t17", "y"] } }).ids).toEqual([2, 3]);
    shop.update(3, { text: "few", facets: { tag: ["x", "t5"] } });
    expect(countsOf(shop.search({ maxValuesPerFacet: 1000 }), "tag")).toBe("x 2, t5 1, y 1");
  });

  test("a refusal's message shows a NaN id as NaN, and says how to give no value", () => {
    const shop = new FacetedSearch({ facets: ["color"] });
    expect(messageOf(FacetedSearchError, () => shop.add(Number.NaN, { text: "x" }))).toContain("NaN");
    expect(messageOf(FacetedSearchError, () => shop.add(1, { text: "x", facets: { color: "" } }))).toContain("[]");
  });

  test("facets or filters given as a string are refused", () => {
    const shop = new FacetedSearch({ facets: ["color"] });
    expect(codeOf(FacetedSearchError, () => shop.add(1, { text: "x", facets: "red" as never }))).toBe(
      "INVALID_DOCUMENT",
    );
    expect(codeOf(FacetedSearchError, () => shop.search({ filters: "red" as never }))).toBe("INVALID_QUERY");
    expect(codeOf(FacetedSearchError, () => shop.search({ filters: 7 as never }))).toBe("INVALID_QUERY");
    expect(shop.size).toBe(0);
  });
});
