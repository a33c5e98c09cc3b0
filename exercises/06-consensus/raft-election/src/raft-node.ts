import { notImplemented } from "#kata";
import type { NodeContext, SimNode } from "#kata/sim";
import type { RaftMessage } from "./messages";
import { DEFAULT_TIMINGS, type RaftTimings, type Role } from "./timings";
// Also yours to use: isRaftMessage from "./messages", RaftConfigError from "./errors".

export { DEFAULT_TIMINGS, type RaftTimings, type Role } from "./timings";

/**
 * One Raft server, leader election only (the log arrives in the raft-log exercise).
 *
 * The simulation creates one RaftNode per server with a NodeContext, the node's only way to act:
 *   ctx.send(to, message)            a message on the simulated network (may be delayed, lost, doubled)
 *   ctx.setTimer(ms, fn) / clearTimer  virtual-time timers; they die with the node if it crashes
 *   ctx.random()                     the node's seeded random stream: use it, never Math.random
 *   ctx.storage.get/set              stable storage: survives a crash; everything else is lost
 *   ctx.peers, ctx.id, ctx.now(), ctx.log(text)
 *
 * What a node must do (Raft paper, figure 2, "Rules for Servers" and RequestVote):
 *   - Start as a follower with an election timer. If it fires (no heartbeat, no vote granted),
 *     become a candidate: increment the term, vote for yourself, ask every peer for its vote, and
 *     reset the timer to a fresh random timeout. A majority of the whole cluster (itself included)
 *     makes it leader; a leader sends heartbeats at once and every heartbeatIntervalMs.
 *   - Grant at most one vote per term, first come first served; a vote granted resets your timer.
 *   - Any message with a higher term: adopt that term, forget your vote, become a follower.
 *   - A heartbeat of your own term: follow its sender (a candidate concedes). One of an older term:
 *     reply with your term so the stale leader learns it is behind.
 *   - currentTerm and votedFor go to stable storage before any reply that depends on them.
 *   - Ignore malformed messages (use isRaftMessage); never throw on network input.
 */
export class RaftNode implements SimNode<RaftMessage> {
  readonly timings: RaftTimings;

  /**
   * Reads currentTerm and votedFor back from ctx.storage (0 and null on first boot) and starts
   * the election timer.
   * @throws RaftConfigError INVALID_TIMEOUT unless 0 < electionTimeoutMinMs < electionTimeoutMaxMs
   *   (finite); INVALID_HEARTBEAT unless 0 < heartbeatIntervalMs < electionTimeoutMinMs.
   */
  constructor(ctx: NodeContext<RaftMessage>, timings: Partial<RaftTimings> = {}) {
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
    notImplemented(`new RaftNode() for ${ctx.id}`);
  }

  role(): Role {
    return notImplemented("RaftNode.role");
  }

  /** This node's currentTerm. */
  term(): number {
    return notImplemented("RaftNode.term");
  }

  /** Whom this node voted for in its current term, or null. */
  votedFor(): string | null {
    return notImplemented("RaftNode.votedFor");
  }

  /** The leader this node follows in its current term (itself, if it leads), or null. */
  leaderId(): string | null {
    return notImplemented("RaftNode.leaderId");
  }

  /** Called by the network for every message delivered to this node. */
  onMessage(from: string, message: RaftMessage): void {
    notImplemented(`RaftNode.onMessage(${JSON.stringify(from)}, ${message.type})`);
  }
}
