/**
 * The mistake: a partition that changes hands starts one past the committed offset, as if the
 * committed offset were the last message processed. Kafka's committed offset is the next offset to
 * read, so every handover skips one message, which nobody processes.
 */
import type { TopicPartition } from "../../src/assignors";
import { partitionKey, type Positions } from "../../src/handover";

export { partitionKey, type Positions } from "../../src/handover";

export function positionsAfterRebalance(
  before: Positions,
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
  committed: (key: string) => number | undefined,
): Positions {
  const after: Positions = new Map();
  for (const [member, owned] of assignment) {
    const kept = before.get(member);
    const positions = new Map<string, number>();
    for (const { topic, partition } of owned) {
      const key = partitionKey(topic, partition);
      const last = committed(key);
      positions.set(key, kept?.get(key) ?? (last === undefined ? 0 : last + 1));
    }
    after.set(member, positions);
  }
  return after;
}
