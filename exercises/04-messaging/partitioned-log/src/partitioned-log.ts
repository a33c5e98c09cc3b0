import { notImplemented } from "#kata";
// PartitionedLogError (./errors) is what bad input throws; partitionForKey (./partitioner) places keyed records.

export {
  ConsumerGroup,
  type AssignmentStrategy,
  type ConsumerGroupOptions,
  type OffsetCommit,
  type PollResult,
} from "./consumer-group";
export type { TopicPartition } from "./assignors";

/** What a producer sends: a value, an optional key, and optionally the partition to put it in. */
export interface ProducerRecord {
  /** Records with the same key go to the same partition, so they stay in order. Absent or null: no key. */
  key?: string | null;
  value: string;
  /** Overrides the choice by key or round robin: this partition, exactly. */
  partition?: number;
}

/** Where an appended record landed (Kafka's RecordMetadata). */
export interface RecordMetadata {
  topic: string;
  partition: number;
  offset: number;
}

/** A stored message, as fetch returns it. */
export interface Message {
  readonly topic: string;
  readonly partition: number;
  /** Its position in its partition: 0 for the partition's first message, then 1, 2, ... */
  readonly offset: number;
  /** The key it was sent with, or null: the empty string "" is a key like any other. */
  readonly key: string | null;
  readonly value: string;
}

/**
 * A Kafka-like log, in memory. A topic is split into a fixed number of partitions; each partition
 * is an append-only sequence whose messages are numbered from offset 0, by one, in the order they
 * were appended. Order is kept within a partition and only there.
 *
 * Where a record goes:
 * - with `partition`: that partition;
 * - with a key (any string, "" included): partitionForKey(key, partitionCount), so every record of
 *   a key lands in one partition, in order;
 * - with neither: round robin, per topic. The topic's n-th keyless record (counting from 0) goes
 *   to partition n mod partitionCount; keyed records and records with a partition do not advance
 *   the count.
 *
 * Errors are PartitionedLogErrors (./errors.ts) with a code: see each method. A call that throws
 * changes nothing.
 */
export class PartitionedLog {
  /**
   * @throws INVALID_TOPIC_NAME unless name is a non-empty string; TOPIC_EXISTS if it is taken;
   *   INVALID_PARTITION_COUNT unless partitions is a positive integer.
   */
  createTopic(name: string, partitions: number): void {
    notImplemented(`PartitionedLog.createTopic(${JSON.stringify(name)}, ${partitions})`);
  }

  /** The topics' names, sorted. */
  topics(): string[] {
    return notImplemented("PartitionedLog.topics");
  }

  /** @throws UNKNOWN_TOPIC */
  partitionCount(topic: string): number {
    return notImplemented(`PartitionedLog.partitionCount(${JSON.stringify(topic)})`);
  }

  /**
   * Stores the record at the end of its partition and says where: the partition and the offset it
   * got, which is the partition's end offset just before the append.
   * @throws UNKNOWN_TOPIC; INVALID_MESSAGE unless the value is a string and the key a string, null
   *   or absent; PARTITION_OUT_OF_RANGE for a `partition` that is not one of the topic's.
   */
  append(topic: string, record: ProducerRecord): RecordMetadata {
    return notImplemented(`PartitionedLog.append(${JSON.stringify(topic)}, ...)`);
  }

  /**
   * The log end offset: the offset the partition's next message will get (how many it holds).
   * @throws UNKNOWN_TOPIC; PARTITION_OUT_OF_RANGE
   */
  endOffset(topic: string, partition: number): number {
    return notImplemented(`PartitionedLog.endOffset(${JSON.stringify(topic)}, ${partition})`);
  }

  /**
   * Up to `maxMessages` messages of the partition, from `offset` on, in offset order. From the end
   * offset itself there is nothing yet: an empty array. Reading never changes the log. The bench
   * fetches from long partitions: a fetch should cost what it returns, not what the topic holds.
   * @throws UNKNOWN_TOPIC; PARTITION_OUT_OF_RANGE; INVALID_OFFSET for a negative or fractional
   *   offset; OFFSET_OUT_OF_RANGE past the end offset; INVALID_MAX_MESSAGES unless it is a
   *   positive integer.
   */
  fetch(topic: string, partition: number, offset: number, maxMessages: number): Message[] {
    return notImplemented(`PartitionedLog.fetch(${JSON.stringify(topic)}, ${partition}, ${offset}, ${maxMessages})`);
  }
}
