/** Wrong: a follower applies each entry as it arrives, ahead of a gap too, and never goes back for the gap. */
import { FollowerInbox as Reference } from "../../src/follower-inbox";
import type { Entry } from "../../src/messages";
import type { ReplicaLog } from "../../src/replica-log";

export class FollowerInbox extends Reference {
  override receive(log: ReplicaLog, entry: Entry): void {
    if (entry.seq <= log.lastSeq) return;
    log.append(entry);
    log.applyUpTo(entry.seq);
  }
}
