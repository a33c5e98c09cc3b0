/**
 * The mistake: a member's positions are kept in one map that only ever grows. When a partition is
 * taken away its position stays behind, and when the partition comes back, generations later, the
 * member resumes from there: past messages another member fetched and never committed, or back
 * over messages another member committed since.
 */
import type { TopicPartition } from "../../src/assignors";
import { partitionKey, type Positions } from "../../src/handover";

export { partitionKey, type Positions } from "../../src/handover";

export function positionsAfterRebalance(
  before: Positions,
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
  committed: (key: string) => number | undefined,
): Positions {
  const after: Positions = new Map(before);
  for (const [member, owned] of assignment) {
    const positions = before.get(member) ?? new Map<string, number>();
    for (const { topic, partition } of owned) {
      const key = partitionKey(topic, partition);
      if (!positions.has(key)) positions.set(key, committed(key) ?? 0);
    }
    after.set(member, positions);
  }
  return after;
}
