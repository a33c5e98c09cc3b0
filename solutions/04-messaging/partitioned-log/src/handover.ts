import type { TopicPartition } from "./assignors";

/** A partition's key in the maps below: the partition number first, so no topic name can clash. */
export function partitionKey(topic: string, partition: number): string {
  return `${partition}:${topic}`;
}

/** Each member's read position in each of its partitions: the next offset it will fetch. */
export type Positions = Map<string, Map<string, number>>;

/**
 * Where each member reads each partition of a new generation. A partition a member keeps goes on
 * from where that member had got to; a partition that changes hands starts at the group's committed
 * offset (the next offset to read), or at 0 if nothing was committed. So the new owner re-reads
 * exactly what the old one fetched and did not commit, and nothing else. A member's positions in
 * the partitions it lost are dropped with them.
 */
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
      positions.set(key, kept?.get(key) ?? committed(key) ?? 0);
    }
    after.set(member, positions);
  }
  return after;
}
