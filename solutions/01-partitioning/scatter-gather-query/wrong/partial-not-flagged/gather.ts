/**
 * The mistake: under the "partial" policy a failed or timed-out shard is dropped silently: its
 * rows are missing, but the result says nothing about it, so a caller shows the page as complete.
 */
import { gatherAnswers as gatherAndFlag, type Gathered, type GatherSettings } from "../../src/gather";
import type { Shard, ShardRequest } from "../../src/query";

export type { Gathered, GatherSettings } from "../../src/gather";

export async function gatherAnswers(
  shards: readonly Shard[],
  request: ShardRequest,
  settings: GatherSettings,
): Promise<Gathered> {
  const gathered = await gatherAndFlag(shards, request, settings);
  return { answers: gathered.answers, missing: [] };
}
