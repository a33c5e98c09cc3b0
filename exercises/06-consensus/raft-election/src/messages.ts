/**
 * The messages of Raft's leader election (Ongaro and Ousterhout, "In Search of an Understandable
 * Consensus Algorithm", figure 2), without the log fields, which arrive in the raft-log exercise.
 * Given code: these are the wire format the tests speak.
 */
export interface RequestVote {
  type: "RequestVote";
  /** The candidate's term. */
  term: number;
  candidateId: string;
}

export interface RequestVoteReply {
  type: "RequestVoteReply";
  /** The voter's current term, so a stale candidate learns it is behind. */
  term: number;
  voteGranted: boolean;
}

/** Sent by a leader to assert its leadership; empty (a heartbeat) in this exercise. */
export interface AppendEntries {
  type: "AppendEntries";
  term: number;
  leaderId: string;
}

export interface AppendEntriesReply {
  type: "AppendEntriesReply";
  term: number;
  success: boolean;
}

export type RaftMessage = RequestVote | RequestVoteReply | AppendEntries | AppendEntriesReply;

/** True for a well-formed message; anything else from the network is to be ignored. */
export function isRaftMessage(value: unknown): value is RaftMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  if (!Number.isSafeInteger(m.term) || (m.term as number) < 0) return false;
  switch (m.type) {
    case "RequestVote":
      return typeof m.candidateId === "string";
    case "RequestVoteReply":
      return typeof m.voteGranted === "boolean";
    case "AppendEntries":
      return typeof m.leaderId === "string";
    case "AppendEntriesReply":
      return typeof m.success === "boolean";
    default:
      return false;
  }
}
