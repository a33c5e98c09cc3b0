/**
 * How a rebalancer is measured: by what it moves, not how fast. Moving a key costs a copy over the
 * network, a verify and a delete, on databases that are serving traffic meanwhile; a resize that
 * moves four times the keys it must takes four times as long and loads every shard while it runs.
 *
 * Each seeded run fills a cluster of 4 shards with 2,000 keys, then makes 8 membership changes
 * (adds and removes, chosen by the seed, keeping 3 to 8 shards), with writes and deletes of other
 * keys between them. After each change it counts, from keysOn() alone, the keys that arrived on a
 * shard that did not hold them, and sets that against the fewest any plan must move: a leaving
 * shard's keys, or a new shard's fair share, floor(K / N). The figure is the sum of one over the sum
 * of the other: 1 moves nothing that did not have to move.
 */
import { defineBench } from "#kata/bench";
import { Prng } from "#kata/sim";
import { sampleKeys } from "#kata/testing";
import type * as ClusterModule from "./src/shard-cluster";

type Api = Pick<typeof ClusterModule, "ShardCluster">;
type Cluster = InstanceType<Api["ShardCluster"]>;

const KEYS = sampleKeys(3_000, 11);

/** Each shard's keys, as keysOn reports them. */
function layoutOf(cluster: Cluster): Map<string, Set<string>> {
  return new Map(cluster.shards().map((shard) => [shard, new Set(cluster.keysOn(shard))]));
}

function movedOverFewest(api: Api, seed: number): number {
  const random = new Prng(seed);
  const cluster = new api.ShardCluster(["shard-0", "shard-1", "shard-2", "shard-3"]);
  for (const key of KEYS.slice(0, 2_000)) cluster.set(key, `v0:${key}`);
  let nextShard = 4;
  let moved = 0;
  let fewest = 0;
  for (let change = 0; change < 8; change++) {
    for (let i = 0; i < 100; i++) {
      const key = KEYS[Math.floor(random.next() * KEYS.length)] as string;
      if (random.chance(0.3)) cluster.delete(key);
      else cluster.set(key, `v${change}:${key}`);
    }
    const before = layoutOf(cluster);
    const shards = [...before.keys()];
    const keyCount = [...before.values()].reduce((sum, keys) => sum + keys.size, 0);
    const add = shards.length <= 3 || (shards.length < 8 && random.chance(0.5));
    if (add) {
      fewest += Math.floor(keyCount / (shards.length + 1));
      cluster.addShard(`shard-${nextShard++}`).run();
    } else {
      const leaving = shards[Math.floor(random.next() * shards.length)] as string;
      fewest += before.get(leaving)?.size ?? 0;
      cluster.removeShard(leaving).run();
    }
    for (const [shard, keys] of layoutOf(cluster)) {
      const held = before.get(shard);
      for (const key of keys) if (held?.has(key) !== true) moved++;
    }
  }
  return moved / fewest;
}

export default defineBench<Api>({
  workloads: [
    {
      kind: "sim",
      name: "keys moved per rebalance",
      unit: "keys moved over the fewest any plan must move",
      seeds: 10,
      measure: movedOverFewest,
    },
  ],
});
