/**
 * The mistake: a heartbeat of an older term is dropped instead of answered. Its sender is a leader
 * whose term is over; the reply's term is how it learns that, so without one it leads on, for as
 * long as nothing else from the new term reaches it.
 */
import { isRaftMessage, type RaftMessage } from "../../src/messages";
import { RaftNode as Reference } from "../../src/raft-node";

export { DEFAULT_TIMINGS, type RaftTimings, type Role } from "../../src/raft-node";

export class RaftNode extends Reference {
  override onMessage(from: string, message: RaftMessage): void {
    if (isRaftMessage(message) && message.type === "AppendEntries" && message.term < this.term()) return;
    super.onMessage(from, message);
  }
}
