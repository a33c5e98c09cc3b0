/**
 * The mistake: the timeout marks a shard as late, but the coordinator still waits for every shard
 * (`Promise.allSettled`) and merges whatever arrived, late answers included. The query takes as
 * long as its slowest shard, and rows from after the deadline slip into the result.
 */
import { gatherAnswers as gatherOnTime, type Gathered, type GatherSettings } from "../../src/gather";
import type { Row, Shard, ShardRequest } from "../../src/query";

export type { Gathered, GatherSettings } from "../../src/gather";

export async function gatherAnswers(
  shards: readonly Shard[],
  request: ShardRequest,
  settings: GatherSettings,
): Promise<Gathered> {
  const calls: Promise<readonly Row[]>[] = [];
  const recorded = shards.map((shard) => ({
    id: shard.id,
    query: (r: ShardRequest) => {
      const call = shard.query(r);
      calls.push(call);
      return call;
    },
  }));
  const gathered = await gatherOnTime(recorded, request, settings);
  const late = await Promise.allSettled(calls);
  const answers = gathered.answers.map((rows, i) => {
    const outcome = late[i];
    return outcome?.status === "fulfilled" ? outcome.value : rows;
  });
  const missing = gathered.missing.filter(
    (m) => late[shards.findIndex((s) => s.id === m.shard)]?.status !== "fulfilled",
  );
  return { answers, missing };
}
