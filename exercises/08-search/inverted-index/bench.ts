/**
 * How the index is measured: ranked queries over 10,000 documents of seeded text, the work a search
 * box does for every query of every user. Indexing happens once, in setup; queries are timed.
 *
 * The text: a vocabulary of 3,388 English words (faker's lists), and documents of 20 to 80 words
 * drawn from it by Zipf's law (s = 1), as words are in real text: a few words are in almost every
 * document, most in a handful. The 50 most frequent words are the index's stop words, as a search
 * engine derives a stop list from document frequencies. The queries: two words each, drawn evenly
 * from the rest of the vocabulary, so a query reads the postings of a few to a thousand documents.
 */
import { defineBench, zipfIndexes } from "#kata/bench";
import { seededFaker } from "#kata/testing";
import { miniSearch, type IndexApi } from "./peers";

const faker = seededFaker(8);
/**
 * faker's English word lists (adjectives, adverbs, nouns, verbs...), letters-only words ("tune-up"
 * would be two tokens, and no stop word), in a seeded order: 3,388 words.
 */
const VOCABULARY = faker.helpers.shuffle(
  [...new Set((Object.values(faker.rawDefinitions.word ?? {}) as string[][]).flat())].filter((word) =>
    /^\p{L}+$/u.test(word),
  ),
);
const STOP_WORDS = VOCABULARY.slice(0, 50);
const QUERY_WORDS = VOCABULARY.slice(50);

function corpus(documents: number, seed: number): string[] {
  const lengths = Array.from({ length: documents }, () => faker.number.int({ min: 20, max: 80 }));
  const words = zipfIndexes(
    lengths.reduce((sum, n) => sum + n, 0),
    VOCABULARY.length,
    1,
    seed,
  );
  let next = 0;
  return lengths.map((length) => {
    const text: string[] = [];
    for (let i = 0; i < length; i++) text.push(VOCABULARY[words[next++] as number] as string);
    return text.join(" ");
  });
}

const DOCUMENTS = corpus(10_000, 81);
const QUERIES = Array.from(
  { length: 1_000 },
  () => `${faker.helpers.arrayElement(QUERY_WORDS)} ${faker.helpers.arrayElement(QUERY_WORDS)}`,
);

function searchLoop(api: IndexApi, documents: string[]): () => unknown {
  const index = new api.InvertedIndex({ stopWords: STOP_WORDS });
  documents.forEach((text, id) => index.add(id, text));
  let next = 0;
  return () => {
    next = next === QUERIES.length - 1 ? 0 : next + 1;
    return index.search(QUERIES[next] as string);
  };
}

export default defineBench<IndexApi>({
  workloads: [
    {
      kind: "throughput",
      name: "search, 10k documents",
      unit: "queries",
      setup: (api) => searchLoop(api, DOCUMENTS),
    },
  ],
  peers: [{ name: "minisearch 7 (npm)", api: miniSearch }],
});
