/**
 * The mistake: range assignment hands the leftover partitions to the LAST members (or, the same
 * thing, gives everyone ceil-sized ranges counted from the end). 7 partitions over 3 members come
 * out [0, 1], [2, 3], [4, 5, 6] instead of Kafka's [0, 1, 2], [3, 4], [5, 6].
 */
import type { TopicPartition, TopicPartitions } from "../../src/assignors";

export { roundRobinAssignor, type Assignor, type TopicPartition, type TopicPartitions } from "../../src/assignors";

export function rangeAssignor(
  members: readonly string[],
  topics: readonly TopicPartitions[],
): Map<string, TopicPartition[]> {
  const order = [...members].sort();
  const result = new Map<string, TopicPartition[]>(order.map((member) => [member, []]));
  if (order.length === 0) return result;
  for (const { topic, partitions } of [...topics].sort((a, b) => (a.topic < b.topic ? -1 : 1))) {
    const each = Math.floor(partitions / order.length);
    const extra = partitions % order.length;
    let next = 0;
    order.forEach((member, i) => {
      const count = i >= order.length - extra ? each + 1 : each;
      for (let k = 0; k < count; k++) result.get(member)?.push({ topic, partition: next++ });
    });
  }
  return result;
}
