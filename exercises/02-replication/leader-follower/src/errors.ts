import { CodedError } from "#kata";

/** The errors of a leader-follower replica. Given code: use it as it is. */
export type ReplicationErrorCode =
  | "NOT_LEADER" // a write sent to a follower (an answer through reply, not a throw): the message names the leader
  | "INVALID_KEY" // a key that is not a non-empty string
  | "INVALID_VALUE" // a value that is not a string
  | "INVALID_LEADER" // options.leader that is not a node of the cluster
  | "INVALID_SYNC" // options.syncFollowers that is not a whole number from 0 to the number of followers
  | "INVALID_TIMEOUT" // options.retransmitMs that is not a finite number of ms above 0
  | "INVALID_EPOCH" // promote(epoch) with an epoch that is not a whole number above the node's own
  | "NO_CANDIDATE"; // chooseSuccessor with no follower to choose from

export class ReplicationError extends CodedError<ReplicationErrorCode> {
  override readonly name = "ReplicationError";
}
