/**
 * The mistake: a candidate counts every granted vote it receives, whatever the reply's term. A vote
 * granted in an earlier election, delivered late, counts toward this one, though that voter may
 * have voted for another candidate in the current term: two leaders can win it.
 */
import { isRaftMessage, type RaftMessage } from "../../src/messages";
import { RaftNode as Reference } from "../../src/raft-node";

export { DEFAULT_TIMINGS, type RaftTimings, type Role } from "../../src/raft-node";

export class RaftNode extends Reference {
  override onMessage(from: string, message: RaftMessage): void {
    const staleVote = isRaftMessage(message) && message.type === "RequestVoteReply" && message.term < this.term();
    super.onMessage(from, staleVote ? { ...message, term: this.term() } : message);
  }
}
