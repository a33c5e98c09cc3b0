/**
 * How the cache is measured, in virtual time (deterministic, no wall clock): a cold cache gets a
 * burst of requests, 100 distinct keys plus 10 readers of each, all at once. Each load takes 5-15
 * virtual ms (seeded). The figure is the virtual time until every request has its answer. Loads
 * for different keys should overlap; one key's readers should share one load.
 */
import { defineBench } from "#kata/bench";
import { Prng, VirtualTimers } from "#kata/sim";
import type * as CacheModule from "./src/cache-aside";

type Api = Pick<typeof CacheModule, "CacheAside">;

async function burst(api: Api, seed: number): Promise<number> {
  const timers = new VirtualTimers();
  const random = new Prng(seed);
  const latency = new Map(Array.from({ length: 100 }, (_, k) => [`item:${k}`, 5 + 10 * random.next()]));
  const cache = new api.CacheAside<string>({
    ttlMs: 60_000,
    clock: () => timers.now(),
    load: async (key) => {
      await timers.sleep(latency.get(key) ?? 10);
      return `value of ${key}`;
    },
  });
  const requests: Promise<string | undefined>[] = [];
  for (let reader = 0; reader < 10; reader++) for (const key of latency.keys()) requests.push(cache.get(key));
  const all = Promise.all(requests);
  await timers.runUntilIdle();
  await all;
  return timers.now();
}

export default defineBench<Api>({
  workloads: [{ kind: "sim", name: "burst of 100 misses", unit: "virtual ms", seeds: 20, measure: burst }],
});
