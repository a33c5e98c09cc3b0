/**
 * The mistake: the higher-term check runs on requests only. A reply that carries a higher term is
 * ignored, so a leader or candidate whose term is over learns it only if a request of the new term
 * happens to reach it: a deposed leader that hears only its followers' answers leads on.
 */
import { isRaftMessage, type RaftMessage } from "../../src/messages";
import { RaftNode as Reference } from "../../src/raft-node";

export { DEFAULT_TIMINGS, type RaftTimings, type Role } from "../../src/raft-node";

export class RaftNode extends Reference {
  override onMessage(from: string, message: RaftMessage): void {
    const reply =
      isRaftMessage(message) && (message.type === "RequestVoteReply" || message.type === "AppendEntriesReply");
    if (reply && message.term > this.term()) return;
    super.onMessage(from, message);
  }
}
