import { PartitionedLogError } from "./errors";
import { createPartitions, type PartitionStore } from "./partition";
import { partitionForKey } from "./partitioner";
import { isWholeNumber, show } from "./show";

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
  /** Records with the same key go to the same partition, so they stay in order. */
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
  readonly key: string | null;
  readonly value: string;
}

interface Topic {
  readonly partitions: PartitionStore[];
  /** How many records without key or partition the topic has taken: the round robin's counter. */
  keyless: number;
}

/**
 * A Kafka-like log. Keyed records go to partitionForKey(key, count); records with no key go round
 * robin, the n-th to partition n mod count; offsets count from 0 in each partition.
 */
export class PartitionedLog {
  private readonly topicsByName = new Map<string, Topic>();

  createTopic(name: string, partitions: number): void {
    if (typeof name !== "string" || name === "") {
      throw new PartitionedLogError(
        "INVALID_TOPIC_NAME",
        `a topic name must be a non-empty string, got ${show(name)}; name the topic, e.g. "orders"`,
      );
    }
    if (this.topicsByName.has(name)) {
      throw new PartitionedLogError(
        "TOPIC_EXISTS",
        `topic ${show(name)} already exists, with ${this.partitionCount(name)} partitions; use it, or pick another name`,
      );
    }
    if (!isWholeNumber(partitions) || partitions < 1) {
      throw new PartitionedLogError(
        "INVALID_PARTITION_COUNT",
        `topic ${show(name)} needs a partition count that is a positive integer (at least 1), got ${show(partitions)}`,
      );
    }
    this.topicsByName.set(name, { partitions: createPartitions(name, partitions), keyless: 0 });
  }

  /** The topics' names, sorted. */
  topics(): string[] {
    return [...this.topicsByName.keys()].sort();
  }

  partitionCount(topic: string): number {
    return this.topicOf(topic).partitions.length;
  }

  append(topic: string, record: ProducerRecord): RecordMetadata {
    const stored = this.topicOf(topic);
    if (typeof record !== "object" || record === null || typeof record.value !== "string") {
      throw new PartitionedLogError(
        "INVALID_MESSAGE",
        `a record for ${show(topic)} needs a string value, got ${show(record)}; send { value: "..." }, with a key to keep related records in order`,
      );
    }
    const key = record.key ?? null;
    if (key !== null && typeof key !== "string") {
      throw new PartitionedLogError(
        "INVALID_MESSAGE",
        `a record's key must be a string, or null for no key; got ${show(key)} for topic ${show(topic)}`,
      );
    }
    let partition: number;
    if (record.partition !== undefined) {
      partition = record.partition;
      this.partitionOf(topic, stored, partition);
    } else if (key === null) {
      partition = stored.keyless % stored.partitions.length;
      stored.keyless++;
    } else {
      partition = partitionForKey(key, stored.partitions.length);
    }
    const offset = (stored.partitions[partition] as PartitionStore).append(key, record.value);
    return { topic, partition, offset };
  }

  /** The log end offset: the offset the partition's next message will get, 0 while it is empty. */
  endOffset(topic: string, partition: number): number {
    return this.partitionOf(topic, this.topicOf(topic), partition).endOffset;
  }

  fetch(topic: string, partition: number, offset: number, maxMessages: number): Message[] {
    const store = this.partitionOf(topic, this.topicOf(topic), partition);
    if (!isWholeNumber(offset) || offset < 0) {
      throw new PartitionedLogError(
        "INVALID_OFFSET",
        `offsets are integers from 0, got ${show(offset)} for ${topic}-${partition}; fetch from 0 to read from the start`,
      );
    }
    if (offset > store.endOffset) {
      throw new PartitionedLogError(
        "OFFSET_OUT_OF_RANGE",
        `offset ${offset} is past the end of ${topic}-${partition}, whose end offset is ${store.endOffset}; fetch from ${store.endOffset} or earlier (from the end offset itself, a fetch returns nothing yet)`,
      );
    }
    if (!isWholeNumber(maxMessages) || maxMessages < 1) {
      throw new PartitionedLogError(
        "INVALID_MAX_MESSAGES",
        `maxMessages must be a positive integer, got ${show(maxMessages)}`,
      );
    }
    return store.read(offset, maxMessages);
  }

  private topicOf(topic: string): Topic {
    const stored = this.topicsByName.get(topic);
    if (stored === undefined) {
      const known = this.topics();
      throw new PartitionedLogError(
        "UNKNOWN_TOPIC",
        `there is no topic ${show(topic)}; the topics are ${known.length === 0 ? "none yet" : known.join(", ")}. Create it with createTopic first`,
      );
    }
    return stored;
  }

  private partitionOf(name: string, topic: Topic, partition: number): PartitionStore {
    const store = isWholeNumber(partition) ? topic.partitions[partition] : undefined;
    if (store === undefined) {
      throw new PartitionedLogError(
        "PARTITION_OUT_OF_RANGE",
        `partition ${show(partition)} is out of range for topic ${show(name)}, which has ${topic.partitions.length} partitions, numbered from 0`,
      );
    }
    return store;
  }
}
