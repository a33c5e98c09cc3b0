/** One partition of one topic. */
export interface TopicPartition {
  topic: string;
  partition: number;
}

/** A topic a group reads, and how many partitions it has. */
export interface TopicPartitions {
  topic: string;
  partitions: number;
}

/**
 * An assignment strategy: every member's partitions, each list sorted by topic, then partition.
 * Every member is a key of the result, with an empty list when there are more members than
 * partitions to go round.
 */
export type Assignor = (
  members: readonly string[],
  topics: readonly TopicPartitions[],
) => Map<string, TopicPartition[]>;

/** Members in the order the assignors use: by id, compared as strings (so "c-10" before "c-2"). */
function sortedMembers(members: readonly string[]): string[] {
  return [...members].sort();
}

/** The topics sorted by name (each name appears once: a group lists each topic once). */
function byName(topics: readonly TopicPartitions[]): TopicPartitions[] {
  const counts = new Map(topics.map(({ topic, partitions }) => [topic, partitions]));
  return [...counts.keys()].sort().map((topic) => ({ topic, partitions: counts.get(topic) as number }));
}

/**
 * Kafka's RangeAssignor, topic by topic: the members (sorted) each take a contiguous range of the
 * topic's partitions, partitions / members each, and the first partitions % members members one
 * more.
 */
export function rangeAssignor(
  members: readonly string[],
  topics: readonly TopicPartitions[],
): Map<string, TopicPartition[]> {
  const order = sortedMembers(members);
  const result = new Map<string, TopicPartition[]>(order.map((member) => [member, []]));
  // With no members, forEach below has no one to give partitions to: the result stays empty.
  for (const { topic, partitions } of byName(topics)) {
    const each = Math.floor(partitions / order.length);
    const extra = partitions % order.length;
    let next = 0;
    order.forEach((member, i) => {
      const count = i < extra ? each + 1 : each;
      const owned = result.get(member) as TopicPartition[];
      for (let k = 0; k < count; k++) owned.push({ topic, partition: next++ });
    });
  }
  return result;
}

/**
 * Kafka's RoundRobinAssignor: every partition of every topic, sorted by topic then partition, dealt
 * out to the members (sorted) like cards, the i-th partition to the (i mod members)-th member.
 */
export function roundRobinAssignor(
  members: readonly string[],
  topics: readonly TopicPartitions[],
): Map<string, TopicPartition[]> {
  const order = sortedMembers(members);
  const result = new Map<string, TopicPartition[]>(order.map((member) => [member, []]));
  if (order.length === 0) return result;
  let dealt = 0;
  for (const { topic, partitions } of byName(topics)) {
    for (let partition = 0; partition < partitions; partition++) {
      (result.get(order[dealt++ % order.length] as string) as TopicPartition[]).push({ topic, partition });
    }
  }
  return result;
}
