import { CodedError } from "#kata";

/**
 * The errors the log and its consumer groups raise. Given code: use it as it is.
 *
 * Each carries a `code` a caller can switch on, and a message that names the value that was wrong
 * and what to do instead, so one log line is enough to fix the call.
 */
export type PartitionedLogErrorCode =
  | "INVALID_TOPIC_NAME" // a topic name that is not a non-empty string
  | "TOPIC_EXISTS" // createTopic for a name already taken
  | "INVALID_PARTITION_COUNT" // a partition count that is not a positive integer
  | "UNKNOWN_TOPIC" // a topic the log does not have, or (for a group) one it does not read
  | "PARTITION_OUT_OF_RANGE" // a partition that is not an integer from 0 to partitionCount - 1
  | "INVALID_MESSAGE" // a record whose value is not a string, or whose key is not a string or null
  | "INVALID_OFFSET" // an offset that is negative or not an integer
  | "OFFSET_OUT_OF_RANGE" // a fetch from past the partition's end offset
  | "INVALID_MAX_MESSAGES" // a batch size that is not a positive integer
  | "INVALID_SUBSCRIPTION" // a group's topic list that is empty, or names a topic twice
  | "INVALID_STRATEGY" // an assignment strategy other than "range" and "roundrobin"
  | "INVALID_MEMBER_ID" // a member id that is not a non-empty string
  | "MEMBER_EXISTS" // join for a member already in the group
  | "UNKNOWN_MEMBER" // a member that is not in the group (never joined, or left)
  | "STALE_GENERATION" // a commit made in a generation the group has rebalanced past
  | "NOT_PARTITION_OWNER" // a commit or position for a partition the member is not assigned
  | "COMMIT_BEYOND_END"; // a commit of an offset past the partition's end offset

export class PartitionedLogError extends CodedError<PartitionedLogErrorCode> {
  override readonly name = "PartitionedLogError";
}
