import { CodedError } from "#kata";

/**
 * The errors a sharded store raises. Given code: use it, no need to change it.
 *
 * Each error carries a `code` a caller can switch on, and a message that names the value that was
 * wrong and says what to do instead.
 */
export type RebalanceErrorCode =
  | "INVALID_SHARD_ID" // a shard id that is not a non-empty string
  | "NO_SHARDS" // a cluster built from an empty list of shards
  | "DUPLICATE_SHARD" // a shard listed twice, or addShard for a shard the cluster has
  | "UNKNOWN_SHARD" // removeShard or keysOn for a shard the cluster does not have
  | "LAST_SHARD" // removeShard of the only shard: its keys would have nowhere to go
  | "MIGRATION_IN_PROGRESS" // addShard or removeShard while a migration is still running
  | "INVALID_KEY" // a key that is not a non-empty string
  | "INVALID_VALUE"; // a value that is not a string

export class RebalanceError extends CodedError<RebalanceErrorCode> {
  override readonly name = "RebalanceError";
}
