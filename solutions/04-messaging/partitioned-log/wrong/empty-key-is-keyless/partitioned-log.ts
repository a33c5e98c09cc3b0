/**
 * The mistake: "has a key" is tested by truthiness (`if (record.key)`), so a record keyed "" goes
 * round robin like a keyless one, and its key is dropped. Kafka hashes the empty key's zero bytes
 * like any other key.
 */
import { PartitionedLog as Reference, type ProducerRecord, type RecordMetadata } from "../../src/partitioned-log";

export * from "../../src/partitioned-log";

export class PartitionedLog extends Reference {
  override append(topic: string, record: ProducerRecord): RecordMetadata {
    return super.append(topic, record.key ? record : { ...record, key: null });
  }
}
