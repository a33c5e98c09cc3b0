/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import { codeOf, ensure, messageOf as messageOfError, seededFaker } from "#kata/testing";
import { InvertedIndexError } from "./src/errors";
import { ENGLISH_STOP_WORDS, InvertedIndex, tokenize, type Scoring, type SearchHit } from "./src/inverted-index";

interface Doc {
  id: number;
  text: string;
}

const termsOf = (text: string, stopWords: readonly string[] = []): string[] =>
  (text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).filter((t) => !stopWords.includes(t));

/** The formulas from first principles, as in the visible tests, without the explanations. */
function byFormula(
  docs: Doc[],
  query: string,
  scoring: Scoring,
  { k1 = 1.2, b = 0.75, stopWords = [] as readonly string[] } = {},
): SearchHit[] {
  const tokenized = docs.map((doc) => ({ id: doc.id, terms: termsOf(doc.text, stopWords) }));
  const n = docs.length;
  const averageLength = tokenized.reduce((sum, doc) => sum + doc.terms.length, 0) / n;
  const df = new Map<string, number>();
  for (const doc of tokenized) for (const term of new Set(doc.terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const hits: SearchHit[] = [];
  for (const doc of tokenized) {
    let score = 0;
    let found = false;
    for (const term of new Set(termsOf(query, stopWords))) {
      const tf = doc.terms.filter((t) => t === term).length;
      if (tf === 0) continue;
      found = true;
      const d = df.get(term) as number;
      const length = doc.terms.length;
      score +=
        scoring === "tfidf"
          ? (tf / length) * Math.log(n / d)
          : (Math.log(1 + (n - d + 0.5) / (d + 0.5)) * tf * (k1 + 1)) /
            (tf + k1 * (1 - b + (b * length) / averageLength));
    }
    if (found) hits.push({ id: doc.id, score });
  }
  return hits.sort((x, y) => y.score - x.score || x.id - y.id);
}

const show = (hits: readonly SearchHit[]): string =>
  JSON.stringify(hits.map((h) => [h.id, Number(h.score.toFixed(6))]));

function sameRanking(got: SearchHit[], expected: SearchHit[]): boolean {
  return (
    got.length === expected.length &&
    got.every((hit, i) => {
      const want = expected[i] as SearchHit;
      return hit.id === want.id && Math.abs(hit.score - want.score) <= 1e-9 * Math.max(1, Math.abs(want.score));
    })
  );
}

const messageOf = (act: () => unknown): string => messageOfError(InvertedIndexError, act);

describe("hidden: a realistic corpus", () => {
  // Seeded faker text: sentences of English words, with the usual few very common words.
  const faker = seededFaker(2026);
  const docs: Doc[] = Array.from({ length: 150 }, () => ({
    id: faker.number.int({ min: 0, max: 1_000_000 }),
    text: faker.lorem.sentences({ min: 1, max: 4 }),
  })).filter((doc, i, all) => all.findIndex((d) => d.id === doc.id) === i);
  const queries = Array.from({ length: 30 }, () => faker.lorem.words({ min: 1, max: 3 }));

  test("every query ranks as the formulas say, under both scorings, with and without stop words", () => {
    const plain = new InvertedIndex();
    const stopWords = ["et", "in", "ut", "est"];
    const filtered = new InvertedIndex({ stopWords, k1: 1.5, b: 0.5 });
    for (const doc of docs) {
      plain.add(doc.id, doc.text);
      filtered.add(doc.id, doc.text);
    }
    for (const query of queries) {
      for (const scoring of ["bm25", "tfidf"] as const) {
        for (const limit of [1, 5, 25]) {
          const got = plain.search(query, { scoring, limit });
          const expected = byFormula(docs, query, scoring).slice(0, limit);
          ensure(
            sameRanking(got, expected),
            `search(${JSON.stringify(query)}, { scoring: "${scoring}", limit: ${limit} }) over ${docs.length} documents gave ${show(got)}; the formula gives ${show(expected)}`,
          );
        }
        const got = filtered.search(query, { scoring, limit: 8 });
        const expected = byFormula(docs, query, scoring, { k1: 1.5, b: 0.5, stopWords }).slice(0, 8);
        ensure(
          sameRanking(got, expected),
          `with stop words ${stopWords.join(", ")}, k1 1.5 and b 0.5, search(${JSON.stringify(query)}, { scoring: "${scoring}", limit: 8 }) gave ${show(got)}; the formula gives ${show(expected)}`,
        );
      }
    }
  });

  test("removing half the documents and updating a quarter ranks like a fresh index", () => {
    const index = new InvertedIndex();
    for (const doc of docs) index.add(doc.id, doc.text);
    const remaining = new Map(docs.map((doc) => [doc.id, doc.text]));
    docs.forEach((doc, i) => {
      if (i % 2 === 0) {
        index.remove(doc.id);
        remaining.delete(doc.id);
      } else if (i % 4 === 1) {
        const text = faker.lorem.sentence();
        index.update(doc.id, text);
        remaining.set(doc.id, text);
      }
    });
    const now = [...remaining].map(([id, text]) => ({ id, text }));
    expect(index.size).toBe(now.length);
    for (const query of queries.slice(0, 10)) {
      const got = index.search(query, { limit: 20 });
      const expected = byFormula(now, query, "bm25").slice(0, 20);
      ensure(
        sameRanking(got, expected),
        `after removing half the documents and updating a quarter, search(${JSON.stringify(query)}) gave ${show(got)}; ` +
          `a fresh index of the ${now.length} that remain gives ${show(expected)}: postings, N or the total length kept stale state.`,
      );
    }
  });
});

describe("hidden: edges", () => {
  test("an index searched after every add, from 1 to 150 documents: each one found once, with its exact score", () => {
    // Per-document arrays that grow must have grown by the time a search writes to them, at every size.
    const docs: Doc[] = [];
    const index = new InvertedIndex();
    for (let i = 0; i < 150; i++) {
      const doc = { id: i, text: `common ${i % 3 === 0 ? "common " : ""}word${i % 7} ${"pad ".repeat(i % 5)}` };
      docs.push(doc);
      index.add(doc.id, doc.text);
      const query = i % 2 === 0 ? "common" : "common word3 pad";
      const scoring = i % 4 < 2 ? "bm25" : "tfidf";
      const got = index.search(query, { scoring, limit: 200 });
      const expected = byFormula(docs, query, scoring);
      ensure(
        sameRanking(got, expected),
        `with ${docs.length} documents indexed, search(${JSON.stringify(query)}, { scoring: "${scoring}", limit: 200 }) gave ${got.length} hits, ` +
          `expected ${expected.length}${got.some((hit) => typeof hit.score !== "number" || Number.isNaN(hit.score)) ? " (some without a numeric score)" : ""}. ` +
          "Every document must be scored once, whatever its slot.",
      );
    }
  });

  test("ids 0 and Number.MAX_SAFE_INTEGER are valid, and come back exactly", () => {
    const index = new InvertedIndex();
    const big = Number.MAX_SAFE_INTEGER;
    const large = 2 ** 32 + 5; // past 32 bits: an Int32Array or Uint32Array of ids would mangle it
    index.add(big, "edge case");
    index.add(0, "edge case");
    index.add(large, "edge case");
    const ids = index.search("edge").map((hit) => hit.id);
    ensure(
      JSON.stringify(ids) === JSON.stringify([0, large, big]),
      `three documents with the same text, ids 0, 2^32 + 5 and 2^53 - 1: search("edge") gave ${JSON.stringify(ids)}, expected [0, ${large}, ${big}]. ` +
        "Ids are any non-negative safe integer: keep them as numbers, not in 32-bit arrays.",
    );
  });

  test("removing every document leaves an empty index that finds nothing, under both scorings", () => {
    const index = new InvertedIndex();
    index.add(1, "one two");
    index.add(2, "two three");
    index.remove(1);
    index.remove(2);
    expect(index.size).toBe(0);
    expect(index.search("two")).toEqual([]);
    expect(index.search("two", { scoring: "tfidf" })).toEqual([]);
    index.add(3, "two");
    expect(index.search("two").map((hit) => hit.id)).toEqual([3]);
  });

  test("a document updated to an empty text is found by nothing, yet still counts in N and avgdl", () => {
    const docs: Doc[] = [
      { id: 1, text: "alpha beta" },
      { id: 2, text: "" },
      { id: 3, text: "beta" },
    ];
    const index = new InvertedIndex();
    index.add(1, "alpha beta");
    index.add(2, "alpha alpha alpha");
    index.add(3, "beta");
    index.update(2, "");
    expect(index.has(2)).toBe(true);
    for (const scoring of ["bm25", "tfidf"] as const) {
      const got = index.search("alpha beta", { scoring });
      const expected = byFormula(docs, "alpha beta", scoring);
      ensure(
        sameRanking(got, expected),
        `document 2 updated to "": search("alpha beta", { scoring: "${scoring}" }) gave ${show(got)}, expected ${show(expected)} (N 3, avgdl 1).`,
      );
    }
  });

  test("stop words may come as any iterable, in any case; a single-letter query word can be a stop word", () => {
    function* words(): Generator<string> {
      yield "The";
      yield "A";
    }
    const index = new InvertedIndex({ stopWords: words() });
    index.add(1, "The A team");
    index.add(2, "a theme");
    expect(index.search("the a").map((hit) => hit.id)).toEqual([]);
    const got = index.search("team theme", { scoring: "tfidf" });
    const expected = byFormula(
      [
        { id: 1, text: "The A team" },
        { id: 2, text: "a theme" },
      ],
      "team theme",
      "tfidf",
      { stopWords: ["the", "a"] },
    );
    ensure(
      sameRanking(got, expected),
      `with stop words "The" and "A" (a generator), got ${show(got)}, expected ${show(expected)}`,
    );
    const english = new InvertedIndex({ stopWords: ENGLISH_STOP_WORDS });
    // Every word of Hamlet's line but "question" is in Lucene's list.
    english.add(7, "To be, or not to be, that is the question");
    expect(english.search("to be or not to be")).toEqual([]);
    expect(english.search("question").map((hit) => hit.id)).toEqual([7]);
  });

  test("a score that is a tie between different term mixes still ranks by id", () => {
    // tf / |d| is 1/2 for both, and ln(N / df) is the same for both terms: an exact tie.
    const index = new InvertedIndex();
    index.add(20, "red blue");
    index.add(3, "green yellow");
    index.add(11, "red blue");
    index.add(4, "green yellow");
    const ids = index.search("red green", { scoring: "tfidf" }).map((hit) => hit.id);
    expect(ids).toEqual([3, 4, 11, 20]);
  });

  test("tokens of unusual scripts and numbers are whole words", () => {
    expect(tokenize("ไทย 한국어 עברית ١٢٣ Ⅻ")).toEqual(["ไทย", "한국어", "עברית", "١٢٣", "ⅻ"]);
    expect(tokenize("x²+y² ½")).toEqual(["x²", "y²", "½"]);
  });
});

describe("hidden: bad input changes nothing", () => {
  test("a rejected add, update or search leaves every score as it was", () => {
    const index = new InvertedIndex();
    index.add(1, "solid state");
    index.add(2, "state machine");
    const before = index.search("state machine");
    expect(() => index.add(3, undefined as unknown as string)).toThrow(InvertedIndexError);
    expect(() => index.add(-3, "state")).toThrow(InvertedIndexError);
    expect(() => index.update(2, 7 as unknown as string)).toThrow(InvertedIndexError);
    expect(() => index.update(9, "state")).toThrow(InvertedIndexError);
    expect(() => index.search("state", { limit: 0 })).toThrow(InvertedIndexError);
    expect(index.size).toBe(2);
    expect(index.search("state machine")).toEqual(before);
  });

  test("messages name what was given: an object id is shown, not [object Object]", () => {
    const message = messageOf(() => new InvertedIndex().add({ id: 5 } as unknown as number, "x"));
    ensure(
      message.includes('{"id":5}'),
      `add({ id: 5 }, "x") said ${JSON.stringify(message)}: show the value given (JSON.stringify does; String(value) gives [object Object]).`,
    );
    expect(messageOf(() => new InvertedIndex().add(1, [42] as unknown as string))).toMatch(/string.*\[42\]/);
    expect(messageOf(() => new InvertedIndex().search("x", { limit: 2.5 }))).toContain("2.5");
    expect(messageOf(() => new InvertedIndex().search("x", { limit: Number.NaN }))).toContain("NaN");
    expect(messageOf(() => new InvertedIndex().search("x", { limit: "5" as unknown as number }))).toContain('"5"');
    expect(messageOf(() => new InvertedIndex({ b: 1.5 }))).toContain("1.5");
  });

  test("stopWords given as a single string, or as something that is not a list, is rejected", () => {
    expect(codeOf(InvertedIndexError, () => new InvertedIndex({ stopWords: "the" }))).toBe("INVALID_STOP_WORD");
    expect(messageOf(() => new InvertedIndex({ stopWords: "the" }))).toMatch(/list|iterable/);
    expect(messageOf(() => new InvertedIndex({ stopWords: [""] }))).toMatch(/none/);
    expect(codeOf(InvertedIndexError, () => new InvertedIndex({ stopWords: 5 as unknown as string[] }))).toBe(
      "INVALID_STOP_WORD",
    );
  });

  test("k1 and b at the edges of their ranges are accepted", () => {
    expect(new InvertedIndex({ k1: 0, b: 0 }).k1).toBe(0);
    expect(new InvertedIndex({ k1: 1000, b: 1 }).b).toBe(1);
  });
});
