import type { Message } from "./partitioned-log";

/**
 * One partition's messages: an append-only array whose index is the offset. Appending is a push;
 * reading from an offset is a slice, O(messages read) however long the partition is.
 */
export interface PartitionStore {
  /** The offset the next message will get: how many messages the partition holds. */
  readonly endOffset: number;
  /** Stores a message at the end and returns its offset. */
  append(key: string | null, value: string): number;
  /** Up to `maxMessages` messages from `offset` on, in offset order; offset <= endOffset. */
  read(offset: number, maxMessages: number): Message[];
}

class ArrayPartition implements PartitionStore {
  private readonly messages: Message[] = [];

  constructor(
    private readonly topic: string,
    private readonly partition: number,
  ) {}

  get endOffset(): number {
    return this.messages.length;
  }

  append(key: string | null, value: string): number {
    const offset = this.messages.length;
    this.messages.push({ topic: this.topic, partition: this.partition, offset, key, value });
    return offset;
  }

  read(offset: number, maxMessages: number): Message[] {
    return this.messages.slice(offset, offset + maxMessages);
  }
}

/** The partitions of a new topic, each numbering its own messages from offset 0. */
export function createPartitions(topic: string, count: number): PartitionStore[] {
  return Array.from({ length: count }, (_, partition) => new ArrayPartition(topic, partition));
}
