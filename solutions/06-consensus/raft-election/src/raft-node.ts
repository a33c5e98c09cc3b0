import type { NodeContext, SimNode, TimerHandle } from "#kata/sim";
import { electionTimeoutMs, validateTimings } from "./election-timeout";
import { isRaftMessage, type AppendEntries, type RaftMessage, type RequestVoteReply } from "./messages";
import { loadTermAndVote, saveTermAndVote } from "./stable-state";
import { DEFAULT_TIMINGS, type RaftTimings, type Role } from "./timings";
import { answerRequestVote, type Voter } from "./vote";
import { VoteTally } from "./vote-tally";

export { DEFAULT_TIMINGS, type RaftTimings, type Role } from "./timings";

/**
 * One Raft server, election only. currentTerm and votedFor live in stable storage (./stable-state)
 * and are written before any message that depends on them is sent: a server that votes, crashes
 * and restarts must not vote again in the same term, or two leaders can win it.
 *
 * `onMessage` validates, applies the one rule every message obeys (a higher term makes this
 * server a follower of that term, vote cleared), then hands the message to a handler that only
 * ever compares with the current term. Every change of role goes through `startElection`,
 * `becomeLeader` or `becomeFollower`.
 */
export class RaftNode implements SimNode<RaftMessage> {
  readonly timings: RaftTimings;
  private readonly ctx: NodeContext<RaftMessage>;
  private currentRole: Role = "follower";
  private currentTerm: number;
  private vote: string | null;
  private knownLeader: string | null = null;
  private tally: VoteTally | undefined;
  private electionTimer: TimerHandle | undefined;
  private heartbeatTimer: TimerHandle | undefined;
  /** This server as the RequestVote rule sees it (./vote). */
  private readonly voter: Voter = {
    term: () => this.currentTerm,
    votedFor: () => this.vote,
    recordVote: (candidateId) => this.setTermAndVote(this.currentTerm, candidateId),
    restartElectionTimer: () => this.resetElectionTimer(),
  };

  constructor(ctx: NodeContext<RaftMessage>, timings: Partial<RaftTimings> = {}) {
    this.ctx = ctx;
    this.timings = validateTimings({ ...DEFAULT_TIMINGS, ...timings });
    const { term, votedFor } = loadTermAndVote(ctx.storage);
    this.currentTerm = term;
    this.vote = votedFor;
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
    // Any message from a later term, a reply included, means this server is behind.
    if (message.term > this.currentTerm) this.becomeFollower(message.term);
    switch (message.type) {
      case "RequestVote":
        this.ctx.send(from, answerRequestVote(this.voter, message));
        return;
      case "RequestVoteReply":
        this.onRequestVoteReply(from, message);
        return;
      case "AppendEntries":
        this.onAppendEntries(from, message);
        return;
      case "AppendEntriesReply":
        return; // election only: replies matter once there is a log to replicate
    }
  }

  private onRequestVoteReply(from: string, reply: RequestVoteReply): void {
    // Only votes of this very election count: an older term's voters may have voted again since.
    if (this.currentRole !== "candidate" || reply.term !== this.currentTerm || !reply.voteGranted || !this.tally)
      return;
    this.tally.add(from);
    if (this.tally.hasMajority()) this.becomeLeader();
  }

  private onAppendEntries(from: string, request: AppendEntries): void {
    if (request.term < this.currentTerm) {
      // Answered, not dropped: the reply's term is how a deposed leader learns to step down.
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
    this.tally = new VoteTally(this.ctx.peers.length + 1, this.ctx.id);
    this.ctx.log(`starts an election for term ${this.currentTerm}`);
    if (this.tally.hasMajority()) {
      this.becomeLeader(); // a cluster of one
      return;
    }
    for (const peer of this.ctx.peers)
      this.ctx.send(peer, { type: "RequestVote", term: this.currentTerm, candidateId: this.ctx.id });
    this.resetElectionTimer();
  }

  private becomeLeader(): void {
    this.ctx.log(
      `leads term ${this.currentTerm} (${this.tally?.count ?? 0} of ${this.ctx.peers.length + 1} with its own vote)`,
    );
    this.currentRole = "leader";
    this.knownLeader = this.ctx.id;
    this.tally = undefined;
    this.ctx.clearTimer(this.electionTimer);
    this.electionTimer = undefined;
    this.sendHeartbeats();
  }

  private becomeFollower(term: number): void {
    if (term > this.currentTerm) this.setTermAndVote(term, null);
    if (this.currentRole === "leader") this.ctx.clearTimer(this.heartbeatTimer);
    if (this.currentRole !== "follower") this.resetElectionTimer();
    this.currentRole = "follower";
    this.knownLeader = null;
    this.tally = undefined;
  }

  private sendHeartbeats(): void {
    if (this.currentRole !== "leader") return;
    for (const peer of this.ctx.peers)
      this.ctx.send(peer, { type: "AppendEntries", term: this.currentTerm, leaderId: this.ctx.id });
    this.heartbeatTimer = this.ctx.setTimer(this.timings.heartbeatIntervalMs, () => this.sendHeartbeats());
  }

  private resetElectionTimer(): void {
    this.ctx.clearTimer(this.electionTimer);
    this.electionTimer = this.ctx.setTimer(
      electionTimeoutMs(this.timings, () => this.ctx.random()),
      () => this.startElection(),
    );
  }

  /** Persists before anything that depends on it leaves this server. */
  private setTermAndVote(term: number, vote: string | null): void {
    this.currentTerm = term;
    this.vote = vote;
    saveTermAndVote(this.ctx.storage, { term, votedFor: vote });
  }
}
