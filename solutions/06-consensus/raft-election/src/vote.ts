import type { RequestVote, RequestVoteReply } from "./messages";

/** What the RequestVote rule needs of the server that answers. */
export interface Voter {
  /** The server's current term, already raised to the request's if that was higher. */
  term(): number;
  votedFor(): string | null;
  /** Records the vote durably: it must be on stable storage before the reply leaves. */
  recordVote(candidateId: string): void;
  /** Restarts the election countdown. */
  restartElectionTimer(): void;
}

/**
 * Raft's RequestVote receiver (figure 2, without the log check, which arrives with the log): grant
 * when the request is of the current term and this server has not voted for anyone else in it.
 * One vote per term, first come first served, is the whole of election safety: two majorities of
 * one cluster share a server, and it voted once. A repeated request from the same candidate gets
 * the same answer (its first reply may have been lost).
 *
 * Granting a vote restarts the election timer, as a heartbeat does: the candidate now needs a few
 * message delays to win and announce itself, and a voter that stood meanwhile would start a new
 * term and depose the leader it has just helped elect.
 */
export function answerRequestVote(voter: Voter, request: RequestVote): RequestVoteReply {
  const votedFor = voter.votedFor();
  const grant = request.term === voter.term() && (votedFor === null || votedFor === request.candidateId);
  if (grant) {
    voter.recordVote(request.candidateId);
    voter.restartElectionTimer();
  }
  return { type: "RequestVoteReply", term: voter.term(), voteGranted: grant };
}
