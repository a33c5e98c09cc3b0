import fc from "fast-check";
import { codeOf, ensure, messageOf as messageOfError, propertySettings } from "#kata/testing";
import { InvertedIndexError } from "./src/errors";
import { ENGLISH_STOP_WORDS, InvertedIndex, tokenize, type Scoring, type SearchHit } from "./src/inverted-index";

// ---------------------------------------------------------------------------------------------
// The formulas, computed here from first principles: tokens by the README's rule, then every
// count (tf, |d|, df, N, avgdl) by scanning the documents, with no index at all.
// ---------------------------------------------------------------------------------------------

interface Doc {
  id: number;
  text: string;
}

interface Params {
  k1: number;
  b: number;
  stopWords: readonly string[];
}

const LUCENE: Params = { k1: 1.2, b: 0.75, stopWords: [] };

/** Lower-case the text, then take the maximal runs of letters, marks and numbers. */
function termsOf(text: string, stopWords: readonly string[] = []): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).filter((t) => !stopWords.includes(t));
}

interface Expected extends SearchHit {
  /** How the score was made, for failure messages. */
  why: string;
}

/** Every document that contains a query term, with its score by the formula, best first. */
function byFormula(docs: Doc[], query: string, scoring: Scoring, params: Params = LUCENE): Expected[] {
  const tokenized = docs.map((doc) => ({ id: doc.id, terms: termsOf(doc.text, params.stopWords) }));
  const n = docs.length;
  const averageLength = tokenized.reduce((sum, doc) => sum + doc.terms.length, 0) / n;
  const queryTerms = [...new Set(termsOf(query, params.stopWords))];
  const hits: Expected[] = [];
  for (const doc of tokenized) {
    let score = 0;
    const parts: string[] = [];
    for (const term of queryTerms) {
      const tf = doc.terms.filter((t) => t === term).length;
      if (tf === 0) continue;
      const df = tokenized.filter((d) => d.terms.includes(term)).length;
      const length = doc.terms.length;
      if (scoring === "tfidf") {
        score += (tf / length) * Math.log(n / df);
        parts.push(`"${term}": (tf ${tf} / |d| ${length}) x ln(N ${n} / df ${df})`);
      } else {
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const { k1, b } = params;
        score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / averageLength));
        parts.push(`"${term}": tf ${tf}, |d| ${length}, df ${df}`);
      }
    }
    if (parts.length > 0) {
      const context = scoring === "bm25" ? `; N ${n}, avgdl ${averageLength.toFixed(3)}` : "";
      hits.push({ id: doc.id, score, why: `${parts.join(" + ")}${context}` });
    }
  }
  return hits.sort((x, y) => y.score - x.score || x.id - y.id);
}

function indexOf(docs: Doc[], params: Partial<Params> = {}): InvertedIndex {
  const index = new InvertedIndex(params);
  for (const doc of docs) index.add(doc.id, doc.text);
  return index;
}

function closeTo(got: number, expected: number): boolean {
  return Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

const show = (hits: readonly SearchHit[]): string =>
  `[${hits.map((h) => `${h.id}: ${Number.isFinite(h.score) ? h.score.toFixed(6) : String(h.score)}`).join(", ")}]`;

/**
 * Checks a search's hits against the formula: the same documents in the same order (best first,
 * equal scores by id), each with the formula's score. The message says which rule broke.
 */
function expectRanking(
  got: SearchHit[],
  docs: Doc[],
  query: string,
  options: { scoring: Scoring; limit: number },
  params: Params = LUCENE,
): void {
  const all = byFormula(docs, query, options.scoring, params);
  const expected = all.slice(0, options.limit);
  const call = `search(${JSON.stringify(query)}, { scoring: "${options.scoring}", limit: ${options.limit} })`;
  const context = `${call} over ${docs.length} documents gave ${show(got)}; the formula gives ${show(expected)}`;
  const scoreOf = new Map(all.map((hit) => [hit.id, hit]));
  for (const hit of got) {
    ensure(
      scoreOf.has(hit.id),
      `${context}. Document ${hit.id} ${docs.some((d) => d.id === hit.id) ? "contains none of the query's terms" : "is not in the index"}: ` +
        "a hit is a document that contains at least one query term (tokenized like documents, stop words dropped).",
    );
  }
  if (got.length !== expected.length) {
    const missing = expected.filter((e) => !got.some((g) => g.id === e.id));
    const zero = missing.find((e) => e.score === 0);
    ensure(
      false,
      `${context}: ${got.length} hits instead of ${expected.length} (${all.length} documents match, limit ${options.limit}). ` +
        (zero !== undefined
          ? `Document ${zero.id} is missing, at score 0 (${zero.why}): a score 0 is still a hit, since the document contains a query term.`
          : got.length > options.limit
            ? "Return at most `limit` hits."
            : `Missing: ${missing.map((e) => e.id).join(", ")}; every document containing a query term is a candidate.`),
    );
  }
  expected.forEach((want, i) => {
    const hit = got[i] as SearchHit;
    if (hit.id !== want.id) {
      const theirs = scoreOf.get(hit.id) as Expected;
      const tie = theirs.score === want.score;
      ensure(
        false,
        `${context}. At position ${i + 1} came document ${hit.id}, expected ${want.id}. ` +
          (tie
            ? `Both score ${want.score.toFixed(6)}: equal scores are ordered by id as numbers, smaller first (9 before 10)` +
              `${i === expected.length - 1 || all.length > options.limit ? ", also in a tie at the cut (k-th place), where the smaller ids are kept" : ""}.`
            : `By the formula ${want.id} scores ${want.score.toFixed(6)} (${want.why}) and ${hit.id} scores ${theirs.score.toFixed(6)} (${theirs.why}).`),
      );
    }
    ensure(
      closeTo(hit.score, want.score),
      `${context}. Document ${want.id} scored ${hit.score}; the formula gives ${want.score} = ${want.why}.`,
    );
  });
}

const messageOf = (act: () => unknown): string => messageOfError(InvertedIndexError, act);

// The seed's three documents, and a few more so that idf varies.
const SEED_DOCS: Doc[] = [
  { id: 1, text: "Python is a great programming language" },
  { id: 2, text: "Java programming language is also popular" },
  { id: 3, text: "Machine learning with Python is powerful" },
  { id: 4, text: "Python, Python everywhere: scripting in Python" },
  { id: 5, text: "A language for the web: JavaScript" },
  { id: 6, text: "" },
];

describe("tokenize", () => {
  test("lower-cases, and splits at everything that is not a letter, mark or number", () => {
    expect(tokenize("Hello, World! It's 2024.")).toEqual(["hello", "world", "it", "s", "2024"]);
    expect(tokenize("snake_case-name/path\ttab\nline")).toEqual(["snake", "case", "name", "path", "tab", "line"]);
    expect(tokenize("")).toEqual([]);
    expect(tokenize(" ... !!! --- ")).toEqual([]);
  });

  test("keeps Unicode letters, combining marks and numbers in the token", () => {
    const cases: [string, string[]][] = [
      ["Café Zürich", ["café", "zürich"]],
      ["東京 и Москва", ["東京", "и", "москва"]],
      ["हिन्दी भाषा", ["हिन्दी", "भाषा"]], // vowel signs are marks (\p{M}): the word stays whole
      ["ΟΔΟΣ 42", ["οδος", "42"]],
      ["٣ apples", ["٣", "apples"]], // an Arabic-Indic digit is a number (\p{N})
    ];
    for (const [text, expected] of cases) {
      const got = tokenize(text);
      ensure(
        JSON.stringify(got) === JSON.stringify(expected),
        `tokenize(${JSON.stringify(text)}) gave ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}. ` +
          "Tokens are runs of Unicode letters, marks and numbers: /[\\p{L}\\p{M}\\p{N}]+/gu. " +
          "In JavaScript \\w, \\b and [a-z0-9] are ASCII only, so they cut café to caf and drop 東京 entirely.",
      );
    }
  });

  test("drops the stop words given, compared after lower-casing", () => {
    expect(tokenize("The cat and THE hat", new Set(["the", "and"]))).toEqual(["cat", "hat"]);
    expect(tokenize("the end", new Set())).toEqual(["the", "end"]);
  });
});

describe("TF-IDF, the seed's formula", () => {
  test("scores match (tf / |d|) x ln(N / df), summed over the query's terms", () => {
    const index = indexOf(SEED_DOCS);
    for (const query of ["Python programming", "python", "language", "JAVA: popular!", "machine python web"]) {
      expectRanking(index.search(query, { scoring: "tfidf" }), SEED_DOCS, query, { scoring: "tfidf", limit: 10 });
    }
  });

  test("a term in every document has idf ln(N / N) = 0: its documents are still hits, at score 0, ordered by id", () => {
    const docs: Doc[] = [
      { id: 10, text: "apple banana" },
      { id: 2, text: "apple cherry apple" },
      { id: 9, text: "apple" },
      { id: 100, text: "date apple" },
    ];
    const got = indexOf(docs).search("apple", { scoring: "tfidf" });
    expectRanking(got, docs, "apple", { scoring: "tfidf", limit: 10 });
  });

  test("a document's length |d| counts its tokens without the stop words", () => {
    const docs: Doc[] = [
      { id: 1, text: "The cat sat on the mat" },
      { id: 2, text: "A dog and a cat" },
      { id: 3, text: "Birds sing" },
    ];
    const params: Params = { ...LUCENE, stopWords: ["the", "a", "and", "on"] };
    const index = indexOf(docs, { stopWords: params.stopWords });
    for (const scoring of ["tfidf", "bm25"] as const) {
      const got = index.search("cat", { scoring });
      const expected = byFormula(docs, "cat", scoring, params);
      ensure(
        got.length === 2 && got.every((hit, i) => closeTo(hit.score, (expected[i] as Expected).score)),
        `with stop words the, a, and, on, search("cat", { scoring: "${scoring}" }) gave ${show(got)}; expected ${show(expected)}: ` +
          `"The cat sat on the mat" has 3 tokens (cat, sat, mat), "A dog and a cat" 2. Stop words are never indexed and do not count in |d| or avgdl.`,
      );
    }
    expect(index.search("the and a on")).toEqual([]);
  });
});

describe("BM25", () => {
  test("scores match idf x tf x (k1 + 1) / (tf + k1 x (1 - b + b x |d| / avgdl)), with k1 = 1.2 and b = 0.75 by default", () => {
    const index = indexOf(SEED_DOCS);
    expect(index.k1).toBe(1.2);
    expect(index.b).toBe(0.75);
    for (const query of ["Python programming", "python", "language web", "is"]) {
      expectRanking(index.search(query), SEED_DOCS, query, { scoring: "bm25", limit: 10 });
      expectRanking(index.search(query, { scoring: "bm25" }), SEED_DOCS, query, { scoring: "bm25", limit: 10 });
    }
  });

  test("a term in more than half the documents still raises a score: idf is ln(1 + (N - df + 0.5) / (df + 0.5))", () => {
    const docs: Doc[] = [
      { id: 1, text: "common rare" },
      { id: 2, text: "common words" },
      { id: 3, text: "common again" },
      { id: 4, text: "common once more" },
      { id: 5, text: "nothing shared" },
    ];
    const index = indexOf(docs);
    const expected = byFormula(docs, "common", "bm25");
    const got = index.search("common");
    ensure(
      got.length === 4 && got.every((hit) => hit.score > 0),
      `"common" is in 4 of 5 documents; search("common") gave ${show(got)}, expected ${show(expected)}. ` +
        "BM25's idf here is ln(1 + (N - df + 0.5) / (df + 0.5)) = ln(1 + 1.5 / 4.5) > 0, as Lucene computes it. " +
        "The textbook ln((N - df + 0.5) / (df + 0.5)), without the 1 +, is negative once df > N / 2: matching a common word would lower a score.",
    );
    expectRanking(index.search("common rare"), docs, "common rare", { scoring: "bm25", limit: 10 });
  });

  test("k1 and b are used as given: k1 = 0 ignores tf, b = 0 ignores length", () => {
    const docs: Doc[] = [
      { id: 1, text: "fox fox fox fox in a very long sentence about many other things" },
      { id: 2, text: "fox" },
      { id: 3, text: "fox fox dog" },
      { id: 4, text: "dog" },
    ];
    for (const [k1, b] of [
      [0, 0.75],
      [1.2, 0],
      [2, 1],
      [0.5, 0.3],
    ] as const) {
      const index = indexOf(docs, { k1, b });
      expect([index.k1, index.b]).toEqual([k1, b]);
      expectRanking(index.search("fox dog"), docs, "fox dog", { scoring: "bm25", limit: 10 }, { k1, b, stopWords: [] });
    }
  });

  test("avgdl is the mean length over every document, empty ones included", () => {
    const docs: Doc[] = [
      { id: 1, text: "alpha beta gamma" },
      { id: 2, text: "alpha" },
      { id: 3, text: "" },
      { id: 4, text: "?!" },
    ];
    const got = indexOf(docs).search("alpha");
    const expected = byFormula(docs, "alpha", "bm25");
    ensure(
      got.length === 2 && got.every((hit, i) => closeTo(hit.score, (expected[i] as Expected).score)),
      `search("alpha") gave ${show(got)}, expected ${show(expected)}: N is 4 and avgdl is (3 + 1 + 0 + 0) / 4 = 1. ` +
        "A document with no tokens is still a document: it counts in N and in avgdl.",
    );
  });

  test("random corpora: both scorings match the formulas, for any limit", () => {
    const words = ["search", "Search", "INDEX", "index", "café", "Café", "東京", "data", "rank", "the", "42", "x_y"];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(" ", ", ", ". ", "! ", " - ", "\n")), {
        maxLength: 12,
      })
      .map((parts) => parts.map(([word, gap]) => word + gap).join(""));
    const corpus = fc.uniqueArray(fc.record({ id: fc.nat(300), text }), {
      selector: (doc) => doc.id,
      minLength: 1,
      maxLength: 20,
    });
    const query = fc
      .array(fc.constantFrom(...words, "unknown", "y"), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join(" "));
    fc.assert(
      fc.property(
        corpus,
        fc.array(query, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 8 }),
        (docs, queries, limit) => {
          const index = indexOf(docs);
          for (const q of queries) {
            for (const scoring of ["bm25", "tfidf"] as const) {
              expectRanking(index.search(q, { scoring, limit }), docs, q, { scoring, limit });
            }
          }
        },
      ),
      propertySettings(60),
    );
  });
});

describe("queries", () => {
  test("an empty query, a query of unknown words or of stop words only, and an empty index find nothing", () => {
    const index = indexOf(SEED_DOCS, { stopWords: ENGLISH_STOP_WORDS });
    for (const query of ["", "   ", "?!.,", "cobol fortran", "the and of", "THE"]) {
      expect(index.search(query)).toEqual([]);
      expect(index.search(query, { scoring: "tfidf" })).toEqual([]);
    }
    expect(new InvertedIndex().search("python")).toEqual([]);
  });

  test("unknown words in a query add nothing to the known ones", () => {
    const index = indexOf(SEED_DOCS);
    for (const scoring of ["bm25", "tfidf"] as const) {
      const known = index.search("python", { scoring });
      const mixed = index.search("zzz python qqq", { scoring });
      expect(mixed).toEqual(known);
    }
  });

  test("each distinct query term counts once: python python is python", () => {
    const index = indexOf(SEED_DOCS);
    for (const scoring of ["bm25", "tfidf"] as const) {
      const once = index.search("python java", { scoring });
      const repeated = index.search("Python python PYTHON java", { scoring });
      ensure(
        JSON.stringify(repeated) === JSON.stringify(once),
        `search("Python python PYTHON java", { scoring: "${scoring}" }) gave ${show(repeated)}, but "python java" gives ${show(once)}. ` +
          "Each distinct query term counts once: a repeated word is still one term (the seed's loop over query_terms counts it three times).",
      );
    }
  });

  test("a query is tokenized like a document: case, punctuation and accents match", () => {
    const docs: Doc[] = [
      { id: 1, text: "Le café du coin" },
      { id: 2, text: "coffee shop" },
    ];
    const index = indexOf(docs);
    expect(index.search("CAFÉ!").map((hit) => hit.id)).toEqual([1]);
    expect(index.search("(coffee)").map((hit) => hit.id)).toEqual([2]);
  });

  test("searching changes nothing: the same query twice, and other queries between, give the same hits", () => {
    const index = indexOf(SEED_DOCS);
    const first = index.search("python");
    const java = index.search("java popular", { scoring: "tfidf" });
    index.search("machine learning");
    const again = index.search("python");
    const previous = again.find((hit) => !first.some((f) => f.id === hit.id));
    ensure(
      JSON.stringify(again) === JSON.stringify(first),
      `search("python") gave ${show(first)}, then after other searches ${show(again)}` +
        `${previous !== undefined ? ` (document ${previous.id} does not contain "python")` : ""}: ` +
        "scores carried over from a previous search. Clear the per-search scores (and the list of documents touched) after every search.",
    );
    expectRanking(java, SEED_DOCS, "java popular", { scoring: "tfidf", limit: 10 });
  });
});

describe("top-k and ties", () => {
  const many: Doc[] = Array.from({ length: 15 }, (_, i) => ({ id: i + 1, text: `word ${"filler ".repeat(i)}` }));

  test("limit keeps the best hits; 10 when omitted; fewer when fewer match", () => {
    const index = indexOf(many);
    expectRanking(index.search("word"), many, "word", { scoring: "bm25", limit: 10 });
    expectRanking(index.search("word", { limit: 3 }), many, "word", { scoring: "bm25", limit: 3 });
    expectRanking(index.search("word", { limit: 1 }), many, "word", { scoring: "bm25", limit: 1 });
    expectRanking(index.search("word filler", { limit: 100 }), many, "word filler", { scoring: "bm25", limit: 100 });
  });

  test("equal scores are ordered by id as numbers, smaller first (9 before 10)", () => {
    const docs = [100, 9, 2, 10, 33].map((id) => ({ id, text: "same words here" }));
    const got = indexOf(docs).search("words");
    const ids = got.map((hit) => hit.id);
    ensure(
      JSON.stringify(ids) === "[2,9,10,33,100]",
      `five documents with the same text all score ${got[0]?.score}; search("words") returned ids ${JSON.stringify(ids)}. ` +
        "Equal scores are ordered by id as numbers, smaller first: [2, 9, 10, 33, 100]. " +
        "A comparison of ids as strings (the default sort) puts 10 and 100 before 2 and 9.",
    );
  });

  test("a tie at the cut (k-th place) keeps the smaller ids, whatever order the documents were added in", () => {
    // Added largest-id-first, so postings visited in insertion order meet 50 before 3.
    const docs: Doc[] = [50, 7, 30, 12, 3].map((id) => ({ id, text: "tied text" }));
    docs.push({ id: 40, text: "tied tied text" });
    const index = indexOf(docs);
    for (const [limit, expected] of [
      [1, [40]],
      [2, [40, 3]],
      [3, [40, 3, 7]],
      [5, [40, 3, 7, 12, 30]],
    ] as const) {
      const ids = index.search("tied", { limit }).map((hit) => hit.id);
      ensure(
        JSON.stringify(ids) === JSON.stringify(expected),
        `documents 50, 7, 30, 12, 3 tie (same text) below document 40; search("tied", { limit: ${limit} }) gave ${JSON.stringify(ids)}, ` +
          `expected ${JSON.stringify(expected)}. At a tie at the cut (k-th place) the smaller ids are kept, not the first seen: ` +
          "the heap's comparison must break ties by id too, so a smaller id replaces a larger one at the same score.",
      );
    }
  });
});

describe("updates and removals", () => {
  test("update replaces the text: no term of the old text finds the document any more", () => {
    const index = indexOf(SEED_DOCS);
    index.update(3, "Deep learning with Rust");
    const docs = SEED_DOCS.map((doc) => (doc.id === 3 ? { id: 3, text: "Deep learning with Rust" } : doc));
    for (const stale of ["machine", "python", "powerful"]) {
      const ids = index.search(stale).map((hit) => hit.id);
      ensure(
        !ids.includes(3),
        `document 3 was "Machine learning with Python is powerful", then updated to "Deep learning with Rust"; ` +
          `search(${JSON.stringify(stale)}) still returns it (${JSON.stringify(ids)}): its old postings were left behind. ` +
          "An update must take the document out of every posting list of its old text before indexing the new one.",
      );
    }
    for (const query of ["rust", "learning", "python", "learning with"]) {
      for (const scoring of ["bm25", "tfidf"] as const) {
        expectRanking(index.search(query, { scoring }), docs, query, { scoring, limit: 10 });
      }
    }
    expect(index.size).toBe(SEED_DOCS.length);
  });

  test("update counts each term afresh: a word in both texts is counted once, by the new text", () => {
    const index = indexOf([
      { id: 1, text: "cat cat cat" },
      { id: 2, text: "cat dog" },
    ]);
    index.update(1, "cat bird");
    const docs: Doc[] = [
      { id: 1, text: "cat bird" },
      { id: 2, text: "cat dog" },
    ];
    const got = index.search("cat", { scoring: "tfidf" });
    const bm25 = index.search("cat bird");
    ensure(
      got.length === 2 && bm25.length === 2,
      `after update(1, "cat bird"), search("cat") gave ${show(got)}: each document once, with its new counts; ` +
        "if the old text's postings were left behind, a word in both texts is counted twice.",
    );
    expectRanking(got, docs, "cat", { scoring: "tfidf", limit: 10 });
    expectRanking(bm25, docs, "cat bird", { scoring: "bm25", limit: 10 });
  });

  test("remove takes the document out of every posting list, and out of N and avgdl", () => {
    const index = indexOf(SEED_DOCS);
    index.remove(4);
    index.remove(6);
    const docs = SEED_DOCS.filter((doc) => doc.id !== 4 && doc.id !== 6);
    expect(index.size).toBe(4);
    expect(index.has(4)).toBe(false);
    for (const query of ["python", "scripting everywhere", "language python"]) {
      const ids = index.search(query).map((hit) => hit.id);
      ensure(
        !ids.includes(4),
        `document 4 was removed, yet search(${JSON.stringify(query)}) returned it (${JSON.stringify(ids)}): its postings were left behind.`,
      );
      for (const scoring of ["bm25", "tfidf"] as const) {
        expectRanking(index.search(query, { scoring }), docs, query, { scoring, limit: 10 });
      }
    }
  });

  test("a removed id can be added again, with a new text", () => {
    const index = indexOf(SEED_DOCS);
    index.remove(2);
    index.add(2, "Kotlin on the JVM");
    const docs = SEED_DOCS.map((doc) => (doc.id === 2 ? { id: 2, text: "Kotlin on the JVM" } : doc));
    expect(index.search("java")).toEqual([]);
    expectRanking(index.search("kotlin language"), docs, "kotlin language", { scoring: "bm25", limit: 10 });
  });

  test("any history of adds, updates and removes ranks exactly like a fresh index of the documents that remain", () => {
    const words = ["red", "green", "blue", "Red", "tea", "café"];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((parts) => parts.join(" "));
    const operation = fc.record({
      kind: fc.constantFrom("add" as const, "update" as const, "remove" as const),
      id: fc.nat(6),
      text,
    });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
        const index = new InvertedIndex();
        const model = new Map<number, string>();
        const history: string[] = [];
        for (const op of operations) {
          const known = model.has(op.id);
          history.push(op.kind === "remove" ? `remove(${op.id})` : `${op.kind}(${op.id}, ${JSON.stringify(op.text)})`);
          if (op.kind === "add" && !known) {
            index.add(op.id, op.text);
            model.set(op.id, op.text);
          } else if (op.kind === "update" && known) {
            index.update(op.id, op.text);
            model.set(op.id, op.text);
          } else if (op.kind === "remove" && known) {
            index.remove(op.id);
            model.delete(op.id);
          } else {
            const expected = op.kind === "add" ? "DUPLICATE_DOCUMENT" : "UNKNOWN_DOCUMENT";
            expect(
              codeOf(InvertedIndexError, () =>
                op.kind === "remove" ? index.remove(op.id) : index[op.kind](op.id, op.text),
              ),
            ).toBe(expected);
          }
        }
        expect(index.size).toBe(model.size);
        const docs = [...model].map(([id, t]) => ({ id, text: t }));
        for (const query of ["red", "green blue", "tea café red"]) {
          const got = index.search(query);
          const expected = byFormula(docs, query, "bm25").slice(0, 10);
          ensure(
            got.length === expected.length &&
              got.every((hit, i) => hit.id === expected[i]?.id && closeTo(hit.score, (expected[i] as Expected).score)),
            `after ${history.join("; ")}: search(${JSON.stringify(query)}) gave ${show(got)}, a fresh index of the remaining documents gives ${show(expected)}. ` +
              "Removes and updates must leave no trace: no stale postings, and N and the total length kept exact.",
          );
        }
      }),
      propertySettings(80),
    );
  });
});

describe("bad input gets an InvertedIndexError with a code", () => {
  test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("document id %p is rejected", (id) => {
    expect(codeOf(InvertedIndexError, () => new InvertedIndex().add(id, "text"))).toBe("INVALID_DOCUMENT_ID");
  });

  test("the id message names the value given and what ids are", () => {
    const message = messageOf(() => new InvertedIndex().add("7" as unknown as number, "text"));
    expect(message).toMatch(/non-negative integer/i);
    expect(message).toContain('"7"');
    expect(message).toMatch(/Number\(/); // a string id: say how to convert it
    expect(messageOf(() => new InvertedIndex().add(-1, "text"))).toMatch(/got -1$/); // no hint about strings for a number
    expect(codeOf(InvertedIndexError, () => new InvertedIndex().remove(-3))).toBe("INVALID_DOCUMENT_ID");
    expect(codeOf(InvertedIndexError, () => indexOf(SEED_DOCS).update(2.5, "x"))).toBe("INVALID_DOCUMENT_ID");
  });

  test("a text or query that is not a string is rejected with INVALID_TEXT", () => {
    const index = indexOf(SEED_DOCS);
    expect(codeOf(InvertedIndexError, () => index.add(9, 42 as unknown as string))).toBe("INVALID_TEXT");
    expect(codeOf(InvertedIndexError, () => index.update(1, null as unknown as string))).toBe("INVALID_TEXT");
    expect(codeOf(InvertedIndexError, () => index.search(undefined as unknown as string))).toBe("INVALID_TEXT");
    expect(messageOf(() => index.add(9, 42 as unknown as string))).toMatch(/add.*string.*42/);
    expect(messageOf(() => index.update(1, null as unknown as string))).toMatch(/update.*string.*null/);
    expect(messageOf(() => index.search(undefined as unknown as string))).toMatch(/search.*string.*undefined/);
    expect(index.has(9)).toBe(false);
    expect(index.search("great").map((hit) => hit.id)).toEqual([1]);
  });

  test("adding an id twice is rejected, names the id, says to update, and changes nothing", () => {
    const index = indexOf(SEED_DOCS);
    const before = index.search("python java");
    expect(codeOf(InvertedIndexError, () => index.add(2, "something else"))).toBe("DUPLICATE_DOCUMENT");
    const message = messageOf(() => index.add(2, "something else"));
    expect(message).toMatch(/\b2\b/);
    expect(message).toMatch(/update/);
    expect(index.search("python java")).toEqual(before);
    expect(index.search("something")).toEqual([]);
  });

  test("updating or removing an unknown id is rejected with UNKNOWN_DOCUMENT and changes nothing", () => {
    const index = indexOf(SEED_DOCS);
    expect(codeOf(InvertedIndexError, () => index.update(99, "new"))).toBe("UNKNOWN_DOCUMENT");
    expect(codeOf(InvertedIndexError, () => index.remove(99))).toBe("UNKNOWN_DOCUMENT");
    expect(messageOf(() => index.remove(99))).toMatch(/\b99\b/);
    expect(messageOf(() => index.update(99, "new"))).toMatch(/update.*add/);
    expect(messageOf(() => index.remove(99))).toMatch(/remove/);
    expect(index.size).toBe(SEED_DOCS.length);
    expect(index.search("new")).toEqual([]);
  });

  test.each([0, -1, 2.5, Number.NaN])("limit %p is rejected with INVALID_LIMIT", (limit) => {
    expect(codeOf(InvertedIndexError, () => indexOf(SEED_DOCS).search("python", { limit }))).toBe("INVALID_LIMIT");
  });

  test("an unknown scoring is rejected, and the message lists the two there are", () => {
    const index = indexOf(SEED_DOCS);
    const act = (): unknown => index.search("python", { scoring: "bm52" as Scoring });
    expect(codeOf(InvertedIndexError, act)).toBe("INVALID_SCORING");
    const message = messageOf(act);
    expect(message).toContain("bm52");
    expect(message).toContain("bm25");
    expect(message).toContain("tfidf");
  });

  test.each([
    { k1: -1 },
    { k1: Number.NaN },
    { k1: Number.POSITIVE_INFINITY },
    { b: -0.1 },
    { b: 1.5 },
    { b: Number.NaN },
  ])("BM25 parameters %p are rejected with INVALID_BM25_PARAMETER", (params) => {
    expect(codeOf(InvertedIndexError, () => new InvertedIndex(params))).toBe("INVALID_BM25_PARAMETER");
    const [name, value] = Object.entries(params)[0] as [string, number];
    const message = messageOf(() => new InvertedIndex(params));
    expect(message).toContain(name);
    expect(message).toContain(String(value));
    // and the range allowed
    expect(message).toMatch(name === "k1" ? />= ?0|non-negative/ : /0 to 1|\[0, ?1\]|between 0 and 1/);
  });

  test("a stop word that is not exactly one token is rejected, and the message shows its tokens", () => {
    for (const word of ["don't", "", "new york", " the"]) {
      expect(codeOf(InvertedIndexError, () => new InvertedIndex({ stopWords: [word] }))).toBe("INVALID_STOP_WORD");
    }
    expect(codeOf(InvertedIndexError, () => new InvertedIndex({ stopWords: [42 as unknown as string] }))).toBe(
      "INVALID_STOP_WORD",
    );
    const message = messageOf(() => new InvertedIndex({ stopWords: ["the", "don't"] }));
    expect(message).toContain("don't");
    expect(message).toContain('"don" and "t"');
  });
});
