import { notImplemented } from "#kata";

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
 * An assignment strategy: which partitions each member reads. The result has every member as a
 * key, each with its partitions sorted by topic, then partition number; a member gets an empty
 * list when there are more members than partitions to go round. Every partition of every topic
 * goes to exactly one member.
 *
 * Both strategies first sort the members by id, compared as strings (JavaScript's default sort,
 * which orders as Java's String.compareTo does): "c-10" comes before "c-2". The order members
 * are listed in, or joined in, makes no difference.
 */
export type Assignor = (
  members: readonly string[],
  topics: readonly TopicPartitions[],
) => Map<string, TopicPartition[]>;

/**
 * Kafka's RangeAssignor. Topic by topic, the sorted members each take a contiguous range of the
 * topic's partitions: floor(partitions / members) each, and the FIRST (partitions % members)
 * members one more. 7 partitions, 3 members: [0, 1, 2], [3, 4], [5, 6].
 *
 * Because every topic is split the same way, the first members get the extra partition of every
 * topic: with 2 members and 2 topics of 3 partitions, the first reads 4 partitions, the second 2.
 */
export function rangeAssignor(
  members: readonly string[],
  topics: readonly TopicPartitions[],
): Map<string, TopicPartition[]> {
  return notImplemented(`rangeAssignor(${JSON.stringify(members)}, ...)`);
}

/**
 * Kafka's RoundRobinAssignor. All the partitions of all the topics, sorted by topic name then
 * partition number, are dealt to the sorted members like cards: the i-th to member i mod members.
 * 7 partitions, 3 members: [0, 3, 6], [1, 4], [2, 5]. Across topics, no member is ever more than
 * one partition ahead of another.
 */
export function roundRobinAssignor(
  members: readonly string[],
  topics: readonly TopicPartitions[],
): Map<string, TopicPartition[]> {
  return notImplemented(`roundRobinAssignor(${JSON.stringify(members)}, ...)`);
}
