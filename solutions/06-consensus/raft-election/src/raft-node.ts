import type { NodeContext, SimNode, TimerHandle } from "#kata/sim";
import { RaftConfigError } from "./errors";
import { DEFAULT_TIMINGS, type RaftTimings, type Role } from "./timings";
import { isRaftMessage, type AppendEntries, type RaftMessage, type RequestVote, type RequestVoteReply } from "./messages";

export { DEFAULT_TIMINGS, type RaftTimings, type Role } from "./timings";

const TERM = "currentTerm";
const VOTED_FOR = "votedFor";

export function validateTimings(timings: RaftTimings): RaftTimings {
  const { electionTimeoutMinMs: min, electionTimeoutMaxMs: max, heartbeatIntervalMs: beat } = timings;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min > 0) || !(max > min)) {
    throw new RaftConfigError(
      "INVALID_TIMEOUT",
      `election timeouts need 0 < min < max, got min ${min} ms and max ${max} ms; the range must be wide (150-300 ms is typical) or votes split`,
    );
  }
  if (!Number.isFinite(beat) || !(beat > 0) || !(beat < min)) {
    throw new RaftConfigError(
      "INVALID_HEARTBEAT",
      `the heartbeat interval must be positive and below the minimum election timeout (${min} ms), got ${beat} ms; followers would time out between heartbeats`,
    );
  }
  return timings;
}

/**
 * One Raft server, election only. currentTerm and votedFor live in stable storage and are written
 * before any message that depends on them is sent: a server that votes, crashes and restarts must
 * not vote again in the same term, or two leaders can win it.
 */
export class RaftNode implements SimNode<RaftMessage> {
  readonly timings: RaftTimings;
  private currentRole: Role = "follower";
  private currentTerm: number;
  private vote: string | null;
  private knownLeader: string | null = null;
  private votesReceived = new Set<string>();
  private electionTimer: TimerHandle | undefined;
  private heartbeatTimer: TimerHandle | undefined;

  constructor(
    protected readonly ctx: NodeContext<RaftMessage>,
    timings: Partial<RaftTimings> = {},
  ) {
    this.timings = validateTimings({ ...DEFAULT_TIMINGS, ...timings });
    this.currentTerm = ctx.storage.get<number>(TERM) ?? 0;
    this.vote = ctx.storage.get<string | null>(VOTED_FOR) ?? null;
    this.resetElectionTimer();
  }

  role(): Role {
    return this.currentRole;
  }

  term(): number {
    return this.currentTerm;
  }

  votedFor(): string | null {
    return this.vote;
  }

  leaderId(): string | null {
    return this.knownLeader;
  }

  onMessage(from: string, message: RaftMessage): void {
    if (!isRaftMessage(message)) {
      this.ctx.log(`ignored a malformed message from ${from}`);
      return;
    }
    // Any message from a later term means this server is behind: adopt the term, as a follower.
    if (message.term > this.currentTerm) this.becomeFollower(message.term);
    switch (message.type) {
      case "RequestVote":
        return this.onRequestVote(from, message);
      case "RequestVoteReply":
        return this.onRequestVoteReply(from, message);
      case "AppendEntries":
        return this.onAppendEntries(from, message);
      case "AppendEntriesReply":
        return; // election only: replies matter once there is a log to replicate
    }
  }

  /** Draws a fresh timeout from the node's seeded stream: the randomness is what breaks split votes. */
  protected electionTimeout(): number {
    const { electionTimeoutMinMs: min, electionTimeoutMaxMs: max } = this.timings;
    return min + (max - min) * this.ctx.random();
  }

  private onRequestVote(from: string, request: RequestVote): void {
    const grant = request.term === this.currentTerm && (this.vote === null || this.vote === request.candidateId);
    if (grant) {
      this.setTermAndVote(this.currentTerm, request.candidateId);
      this.resetElectionTimer(); // granting a vote defers our own candidacy
    }
    this.ctx.send(from, { type: "RequestVoteReply", term: this.currentTerm, voteGranted: grant });
  }

  private onRequestVoteReply(from: string, reply: RequestVoteReply): void {
    if (this.currentRole !== "candidate" || reply.term !== this.currentTerm || !reply.voteGranted) return;
    this.votesReceived.add(from);
    if (this.votesReceived.size > (this.ctx.peers.length + 1) / 2) this.becomeLeader();
  }

  private onAppendEntries(from: string, request: AppendEntries): void {
    if (request.term < this.currentTerm) {
      this.ctx.send(from, { type: "AppendEntriesReply", term: this.currentTerm, success: false });
      return;
    }
    // Same term: a leader exists for it, so a candidate of this term concedes.
    if (this.currentRole !== "follower") this.becomeFollower(this.currentTerm);
    this.knownLeader = request.leaderId;
    this.resetElectionTimer();
    this.ctx.send(from, { type: "AppendEntriesReply", term: this.currentTerm, success: true });
  }

  private startElection(): void {
    this.setTermAndVote(this.currentTerm + 1, this.ctx.id);
    this.currentRole = "candidate";
    this.knownLeader = null;
    this.votesReceived = new Set([this.ctx.id]);
    this.ctx.log(`starts an election for term ${this.currentTerm}`);
    if (this.ctx.peers.length === 0) {
      this.becomeLeader();
      return;
    }
    for (const peer of this.ctx.peers) this.ctx.send(peer, { type: "RequestVote", term: this.currentTerm, candidateId: this.ctx.id });
    this.resetElectionTimer();
  }

  private becomeLeader(): void {
    this.currentRole = "leader";
    this.knownLeader = this.ctx.id;
    this.ctx.clearTimer(this.electionTimer);
    this.electionTimer = undefined;
    this.ctx.log(`leads term ${this.currentTerm}`);
    this.sendHeartbeats();
  }

  private becomeFollower(term: number): void {
    if (term > this.currentTerm) this.setTermAndVote(term, null);
    if (this.currentRole === "leader") this.ctx.clearTimer(this.heartbeatTimer);
    if (this.currentRole !== "follower") this.resetElectionTimer();
    this.currentRole = "follower";
    this.knownLeader = null;
  }

  private sendHeartbeats(): void {
    if (this.currentRole !== "leader") return;
    for (const peer of this.ctx.peers) this.ctx.send(peer, { type: "AppendEntries", term: this.currentTerm, leaderId: this.ctx.id });
    this.heartbeatTimer = this.ctx.setTimer(this.timings.heartbeatIntervalMs, () => this.sendHeartbeats());
  }

  private resetElectionTimer(): void {
    this.ctx.clearTimer(this.electionTimer);
    this.electionTimer = this.ctx.setTimer(this.electionTimeout(), () => this.startElection());
  }

  /** Persists before anything that depends on it leaves this server. */
  private setTermAndVote(term: number, vote: string | null): void {
    this.currentTerm = term;
    this.vote = vote;
    this.ctx.storage.set(TERM, term);
    this.ctx.storage.set(VOTED_FOR, vote);
  }
}
