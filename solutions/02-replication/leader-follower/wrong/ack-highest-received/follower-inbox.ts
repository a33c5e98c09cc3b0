/** Wrong: a follower acknowledges the highest seq it has received, past a gap, as if it held everything below it. */
import { FollowerInbox as Reference } from "../../src/follower-inbox";
import type { Entry } from "../../src/messages";
import type { ReplicaLog } from "../../src/replica-log";

export class FollowerInbox extends Reference {
  private highest = 0;

  override receive(log: ReplicaLog, entry: Entry): void {
    this.highest = Math.max(this.highest, entry.seq);
    super.receive(log, entry);
  }

  override ackPosition(log: ReplicaLog): number {
    return Math.max(log.lastSeq, this.highest);
  }

  override clear(): void {
    this.highest = 0;
    super.clear();
  }
}
