/**
 * The mistake: offsets come from one counter per topic, as if the topic were one log, so the
 * partitions' offsets interleave (orders-0 gets 0, 3, 4, orders-1 gets 1, 2, ...). Reads still work
 * (each message carries its offset), but an offset no longer says how far into its partition a
 * consumer is, and a partition's first message is not at 0.
 */
import type { Message } from "../../src/partitioned-log";
import type { PartitionStore } from "../../src/partition";

class SharedCounterPartition implements PartitionStore {
  private readonly messages: Message[] = [];

  constructor(
    private readonly topic: string,
    private readonly partition: number,
    private readonly counter: { next: number },
  ) {}

  get endOffset(): number {
    const last = this.messages[this.messages.length - 1];
    return last === undefined ? 0 : last.offset + 1;
  }

  append(key: string | null, value: string): number {
    const offset = this.counter.next++;
    this.messages.push({ topic: this.topic, partition: this.partition, offset, key, value });
    return offset;
  }

  read(offset: number, maxMessages: number): Message[] {
    return this.messages.filter((message) => message.offset >= offset).slice(0, maxMessages);
  }
}

export function createPartitions(topic: string, count: number): PartitionStore[] {
  const counter = { next: 0 };
  return Array.from({ length: count }, (_, partition) => new SharedCounterPartition(topic, partition, counter));
}
