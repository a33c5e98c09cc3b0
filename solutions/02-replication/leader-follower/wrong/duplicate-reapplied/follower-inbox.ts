/** Wrong: a duplicate (at or below the log's end) is applied again: a late copy of an older write undoes a newer. */
import { FollowerInbox as Reference } from "../../src/follower-inbox";
import type { Entry } from "../../src/messages";
import type { ReplicaLog } from "../../src/replica-log";

export class FollowerInbox extends Reference {
  override receive(log: ReplicaLog, entry: Entry): void {
    if (entry.seq <= log.lastSeq) log.store.set(entry.key, entry.value);
    else super.receive(log, entry);
  }
}
