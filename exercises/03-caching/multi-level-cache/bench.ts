/**
 * How the cache is measured: four nodes share an L2, a database and a bus. A seeded stream of
 * operations goes round the nodes: reads of keys drawn by popularity (Zipf over 5,000 keys), and
 * one write in ten. The L2 is warm before measuring starts (a cold start costs every design the
 * same). The figure is the mean latency of a read under a simple cost model (an L1 hit is free, an
 * L2 read 0.5 ms, a database read 5 ms), from the counters of the given SharedCache and Database:
 * deterministic for each seed, lower is better.
 */
import { EventBus } from "#kata/bus";
import { defineBench, zipfIndexes } from "#kata/bench";
import { Prng } from "#kata/sim";
import type * as NodeModule from "./src/cache-node";
import type { InvalidationEvent } from "./src/infrastructure";

type Api = Pick<typeof NodeModule, "CacheNode" | "SharedCache" | "Database">;

const L2_MS = 0.5;
const DATABASE_MS = 5;
const OPERATIONS = 40_000;

function meanReadLatency(api: Api, seed: number): number {
  const bus = new EventBus<InvalidationEvent>();
  const l2 = new api.SharedCache<number>();
  const database = new api.Database<number>();
  for (let k = 0; k < 5_000; k++) database.write(`item:${k}`, k);
  const nodes = Array.from(
    { length: 4 },
    (_, i) => new api.CacheNode<number>({ id: `app-${i}`, l1Capacity: 500, l2, database, bus }),
  );
  for (let k = 0; k < 5_000; k++) nodes[k % 4]?.get(`item:${k}`); // warm the shared L2
  const keys = zipfIndexes(OPERATIONS, 5_000, 1, seed);
  const random = new Prng(seed);
  const before = { l2: l2.gets, database: database.reads };
  let reads = 0;
  for (let i = 0; i < OPERATIONS; i++) {
    const node = nodes[i % 4] as InstanceType<Api["CacheNode"]>;
    const key = `item:${keys[i] as number}`;
    if (random.next() < 0.1) node.set(key, i);
    else {
      node.get(key);
      reads++;
    }
  }
  return ((l2.gets - before.l2) * L2_MS + (database.reads - before.database) * DATABASE_MS) / reads;
}

export default defineBench<Api>({
  workloads: [
    { kind: "sim", name: "read latency, 4 nodes, 10% writes", unit: "ms per read", seeds: 5, measure: meanReadLatency },
  ],
});
