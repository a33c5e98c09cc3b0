/**
 * The naive node: the reference's protocol with near-fixed election timeouts, 150 ms plus at most
 * 10 ms of jitter instead of a draw from [150, 300). Nodes time out within a few milliseconds of
 * each other, about as long as a message takes, so several become candidates in the same term,
 * each votes for itself, and the votes split; then they all time out together again. It is safe
 * (never two leaders in a term) and it does elect in the end, but after rounds of split votes:
 * ~2.4x the reference's election time and ~5x its messages on the bench's 100 seeds.
 */
import { RaftNode as ReferenceRaftNode } from "../src/raft-node";

export { DEFAULT_TIMINGS, validateTimings, type RaftTimings, type Role } from "../src/raft-node";

const JITTER_MS = 10;

export class RaftNode extends ReferenceRaftNode {
  protected override electionTimeout(): number {
    return this.timings.electionTimeoutMinMs + JITTER_MS * this.ctx.random();
  }
}
