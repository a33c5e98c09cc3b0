/**
 * The mistake: answers are kept in the order the shards answered (an array filled by
 * `answers.push(rows)` as each promise resolves), and the merge breaks ties by that order. The
 * same query gives tied rows in another order whenever shard latencies change, so pages repeat
 * and skip rows.
 */
import { gatherAnswers as gatherInShardOrder, type Gathered, type GatherSettings } from "../../src/gather";
import type { Shard, ShardRequest } from "../../src/query";

export type { Gathered, GatherSettings } from "../../src/gather";

export async function gatherAnswers(
  shards: readonly Shard[],
  request: ShardRequest,
  settings: GatherSettings,
): Promise<Gathered> {
  const arrival: number[] = [];
  const recorded = shards.map((shard, i) => ({
    id: shard.id,
    query: async (r: ShardRequest) => {
      const rows = await shard.query(r);
      arrival.push(i);
      return rows;
    },
  }));
  const gathered = await gatherInShardOrder(recorded, request, settings);
  return { ...gathered, answers: arrival.map((i) => gathered.answers[i] ?? []) };
}
