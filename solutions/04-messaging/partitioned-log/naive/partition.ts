/**
 * The naive log: correct, and slow where it counts. It keeps one array per topic, as a first sketch
 * of "a topic is a list of messages" does, with the partition and offset stamped on each message.
 * A fetch filters the whole topic's array for the partition and the offset, so it costs what the
 * TOPIC holds, not what it returns: a consumer at the tail of a 100,000-message partition scans
 * every message of every partition to find the next ten. Everything else is the reference's.
 */
import type { Message } from "../src/partitioned-log";
import type { PartitionStore } from "../src/partition";

class FilteredPartition implements PartitionStore {
  private count = 0;

  constructor(
    private readonly topic: string,
    private readonly partition: number,
    private readonly all: Message[],
  ) {}

  get endOffset(): number {
    return this.count;
  }

  append(key: string | null, value: string): number {
    const offset = this.count++;
    this.all.push({ topic: this.topic, partition: this.partition, offset, key, value });
    return offset;
  }

  read(offset: number, maxMessages: number): Message[] {
    return this.all
      .filter((message) => message.partition === this.partition && message.offset >= offset)
      .slice(0, maxMessages);
  }
}

export function createPartitions(topic: string, count: number): PartitionStore[] {
  const all: Message[] = [];
  return Array.from({ length: count }, (_, partition) => new FilteredPartition(topic, partition, all));
}
