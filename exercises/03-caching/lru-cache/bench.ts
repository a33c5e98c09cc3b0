/**
 * How the LRU is measured: the cache-aside loop of a CDN edge (get; on a miss, set), on a seeded
 * stream of keys whose popularity follows Zipf's law (s = 1), so about 80% of requests hit. Every
 * miss on a full cache evicts, which is where designs differ.
 */
import { defineBench, zipfIndexes } from "#kata/bench";
import type * as LruModule from "./src/lru-cache";
import { npmLruCache } from "./peers";

type Api = Pick<typeof LruModule, "LruCache">;

const STREAM = 1 << 20;

function edgeLoop(api: Api, capacity: number, stream: Uint32Array): () => unknown {
  const cache = new api.LruCache<number, number>(capacity);
  let i = 0;
  return () => {
    const key = stream[i] as number;
    i = i === stream.length - 1 ? 0 : i + 1;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    cache.set(key, i);
    return i;
  };
}

const small = zipfIndexes(STREAM, 5_000, 1, 11);
const medium = zipfIndexes(STREAM, 50_000, 1, 12);
const large = zipfIndexes(STREAM, 500_000, 1, 13);

export default defineBench<Api>({
  workloads: [
    {
      kind: "throughput",
      name: "skewed gets, 10k entries",
      unit: "ops",
      setup: (api) => edgeLoop(api, 10_000, medium),
    },
    {
      kind: "scaling",
      name: "scaling, 1k to 100k entries",
      unit: "ops",
      small: { label: "1,000 entries (5,000 keys)", setup: (api) => edgeLoop(api, 1_000, small) },
      large: { label: "100,000 entries (500,000 keys)", setup: (api) => edgeLoop(api, 100_000, large) },
    },
  ],
  peers: [{ name: "lru-cache 11 (npm)", api: npmLruCache }],
});
