/**
 * The mistake: granting a vote leaves the election timer running. A voter whose timer was about to
 * fire stands for election moments after voting, starts a new term, and deposes the leader it has
 * just helped elect, before that leader's first heartbeat can reach it.
 */
import type { RequestVote, RequestVoteReply } from "../../src/messages";
import { answerRequestVote as reference, type Voter } from "../../src/vote";

export type { Voter } from "../../src/vote";

export function answerRequestVote(voter: Voter, request: RequestVote): RequestVoteReply {
  return reference({ ...voter, restartElectionTimer: () => undefined }, request);
}
