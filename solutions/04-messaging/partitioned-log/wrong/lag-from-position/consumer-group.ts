/**
 * The mistake: lag is measured from the owner's fetched position instead of the committed offset.
 * A member that has fetched everything and processed nothing reports no lag, and a monitor that
 * watches lag never sees the backlog a crash would hand to the next owner.
 */
import { ConsumerGroup as Reference } from "../../src/consumer-group";
import type { PartitionedLog } from "../../src/partitioned-log";

export * from "../../src/consumer-group";

export class ConsumerGroup extends Reference {
  private readonly source: PartitionedLog;

  constructor(log: PartitionedLog, options: ConstructorParameters<typeof Reference>[1]) {
    super(log, options);
    this.source = log;
  }

  override lag(topic: string, partition: number): number {
    const owner = this.members().find((member) =>
      this.assignment(member).some((tp) => tp.topic === topic && tp.partition === partition),
    );
    if (owner === undefined) return super.lag(topic, partition);
    return this.source.endOffset(topic, partition) - this.position(owner, topic, partition);
  }
}
