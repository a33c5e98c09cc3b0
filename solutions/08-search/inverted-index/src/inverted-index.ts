import { InvertedIndexError } from "./errors";
import { PostingList } from "./postings";
import { queryTerms } from "./query-terms";
import { ScoreAccumulator } from "./score-accumulator";
import { bm25Idf, bm25Weight, tfidfIdf, tfidfWeight } from "./scoring";
import {
  DEFAULT_B,
  DEFAULT_K1,
  DEFAULT_LIMIT,
  DEFAULT_SCORING,
  SCORINGS,
  type InvertedIndexOptions,
  type SearchHit,
  type SearchOptions,
} from "./search-spec";
import { TopK } from "./top-k";
import { tokenize } from "./tokenize";

/**
 * The per-posting formulas, read from their module once. Compiled to CommonJS (as tsx runs it), a
 * call through an import reads the other module's exports object on every call; in the second copy
 * of a module loaded in one process (the bench loads one per side) that object is in V8's slow
 * dictionary mode, which measured 2x slower per query than the first copy.
 */
const weightBm25 = bm25Weight;
const weightTfidf = tfidfWeight;

export { tokenize } from "./tokenize";
export { ENGLISH_STOP_WORDS } from "./stop-words";
export * from "./search-spec";

/**
 * An inverted index: for each term, the documents that contain it and how often (./postings).
 *
 * Each document lives in a slot, a small integer, so that per-document figures are plain arrays
 * indexed by slot: its id, its length, its distinct terms (to find its postings again on removal)
 * and, during a search, its score so far. A search walks the postings of the query's distinct terms
 * once, adds each document's weight (./scoring) into its slot, then offers every document touched
 * to a bounded heap (./top-k). Every check runs before any change, so a call that throws leaves
 * the index as it was.
 */
export class InvertedIndex {
  readonly k1: number;
  readonly b: number;
  private readonly stopWords: ReadonlySet<string>;

  private readonly postings = new Map<string, PostingList>();
  private readonly slotOf = new Map<number, number>();
  private readonly ids: number[] = [];
  private readonly lengths: number[] = [];
  private readonly termsOf: string[][] = [];
  private readonly freeSlots: number[] = [];
  private totalLength = 0;
  private readonly scores = new ScoreAccumulator();

  constructor(options: InvertedIndexOptions = {}) {
    this.k1 = bm25Parameter("k1", options.k1 ?? DEFAULT_K1, Number.POSITIVE_INFINITY);
    this.b = bm25Parameter("b", options.b ?? DEFAULT_B, 1);
    this.stopWords = stopWordSet(options.stopWords ?? []);
  }

  /** How many documents are indexed: N in the formulas. */
  get size(): number {
    return this.slotOf.size;
  }

  has(id: number): boolean {
    return this.slotOf.has(id);
  }

  add(id: number, text: string): void {
    assertId(id);
    assertText(text, `add(${id}, text)`);
    if (this.slotOf.has(id)) {
      throw new InvertedIndexError(
        "DUPLICATE_DOCUMENT",
        `document ${id} is already indexed; call update(${id}, text) to replace its text`,
      );
    }
    this.index(id, tokenize(text, this.stopWords));
  }

  update(id: number, text: string): void {
    assertId(id);
    assertText(text, `update(${id}, text)`);
    this.unindex(this.slotFor(id, "update"));
    this.index(id, tokenize(text, this.stopWords));
  }

  remove(id: number): void {
    assertId(id);
    this.unindex(this.slotFor(id, "remove"));
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    assertText(query, "search(query)");
    const limit = options.limit ?? DEFAULT_LIMIT;
    const scoring = options.scoring ?? DEFAULT_SCORING;
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new InvertedIndexError(
        "INVALID_LIMIT",
        `limit must be a positive integer, got ${show(limit)}; ask for at least 1 hit, or omit it for ${DEFAULT_LIMIT}`,
      );
    }
    if (!SCORINGS.includes(scoring)) {
      throw new InvertedIndexError("INVALID_SCORING", `scoring must be "bm25" or "tfidf", got ${show(scoring)}`);
    }
    const { scores, ids } = this;
    for (const term of queryTerms(query, this.stopWords)) {
      const list = this.postings.get(term);
      if (list !== undefined) this.accumulate(list, scoring === "bm25");
    }
    const best = new TopK(limit);
    for (const slot of scores.touched) best.offer(ids[slot] as number, scores.score(slot));
    scores.clear();
    return best.sorted();
  }

  /** Adds one term's weight to the score of every document in its posting list. */
  private accumulate(list: PostingList, bm25: boolean): void {
    const { slots, counts } = list;
    const { lengths, scores, k1, b } = this;
    const n = this.slotOf.size;
    const idf = bm25 ? bm25Idf(n, list.length) : tfidfIdf(n, list.length);
    const averageLength = this.totalLength / n;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      const tf = counts[i] as number;
      const length = lengths[slot] as number;
      scores.add(slot, bm25 ? weightBm25(tf, length, averageLength, idf, k1, b) : weightTfidf(tf, length, idf));
    }
  }

  private index(id: number, tokens: string[]): void {
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    const slot = this.freeSlots.pop() ?? this.newSlot();
    for (const [term, count] of counts) {
      let list = this.postings.get(term);
      if (list === undefined) {
        list = new PostingList();
        this.postings.set(term, list);
      }
      list.add(slot, count);
    }
    this.slotOf.set(id, slot);
    this.ids[slot] = id;
    this.lengths[slot] = tokens.length;
    this.termsOf[slot] = [...counts.keys()];
    this.totalLength += tokens.length;
  }

  private unindex(slot: number): void {
    for (const term of this.termsOf[slot] as string[]) {
      const list = this.postings.get(term) as PostingList;
      list.remove(slot);
      if (list.length === 0) this.postings.delete(term);
    }
    this.slotOf.delete(this.ids[slot] as number);
    this.totalLength -= this.lengths[slot] as number;
    this.freeSlots.push(slot);
  }

  private newSlot(): number {
    const slot = this.ids.length;
    this.scores.reserve(slot + 1);
    return slot;
  }

  private slotFor(id: number, call: "update" | "remove"): number {
    const slot = this.slotOf.get(id);
    if (slot === undefined) {
      throw new InvertedIndexError(
        "UNKNOWN_DOCUMENT",
        `document ${id} is not indexed, so there is nothing to ${call} (${this.size} documents are); add(${id}, text) indexes a new one`,
      );
    }
    return slot;
  }
}

/** A value as it was given, for messages: JSON where it has one, so an object is not [object Object]. */
function show(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}

function assertId(id: unknown): asserts id is number {
  if (!Number.isSafeInteger(id) || (id as number) < 0) {
    throw new InvertedIndexError(
      "INVALID_DOCUMENT_ID",
      `document ids are non-negative integers up to Number.MAX_SAFE_INTEGER, got ${show(id)}${typeof id === "string" ? " (a string: convert it with Number(id))" : ""}`,
    );
  }
}

function assertText(text: unknown, call: string): asserts text is string {
  if (typeof text !== "string") {
    throw new InvertedIndexError("INVALID_TEXT", `${call} takes text as a string, got ${show(text)}`);
  }
}

function bm25Parameter(name: "k1" | "b", value: number, max: number): number {
  if (!Number.isFinite(value) || value < 0 || value > max) {
    const allowed =
      name === "k1" ? "a finite number >= 0 (Lucene uses 1.2)" : "a number from 0 to 1 (Lucene uses 0.75)";
    throw new InvertedIndexError("INVALID_BM25_PARAMETER", `${name} must be ${allowed}, got ${show(value)}`);
  }
  return value;
}

function stopWordSet(words: Iterable<string>): ReadonlySet<string> {
  if (typeof words === "string" || typeof (words as Partial<Iterable<string>>)[Symbol.iterator] !== "function") {
    throw new InvertedIndexError(
      "INVALID_STOP_WORD",
      `stopWords must be a list (or any iterable) of words, such as ["the", "a"], got ${show(words)}`,
    );
  }
  const set = new Set<string>();
  for (const word of words) {
    const tokens = typeof word === "string" ? tokenize(word) : [];
    if (tokens.length !== 1 || tokens[0] !== word.toLowerCase()) {
      throw new InvertedIndexError(
        "INVALID_STOP_WORD",
        `each stop word must be exactly one token (a run of letters, marks and numbers), got ${show(word)}, ` +
          `whose tokens are ${tokens.map((t) => `"${t}"`).join(" and ") || "none"}`,
      );
    }
    set.add(word.toLowerCase());
  }
  return set;
}
