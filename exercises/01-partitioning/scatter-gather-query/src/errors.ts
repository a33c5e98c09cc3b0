import { CodedError } from "#kata";

/**
 * The errors a scatter-gather query raises. Given code: use it, no need to change it.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead. The two shard codes also carry `shard`, the id of the shard that failed.
 */
export type QueryErrorCode =
  // new ScatterGatherEngine(options)
  | "NO_SHARDS" // options.shards is empty (or not an array): there is nothing to query
  | "INVALID_SHARD" // a shard without a non-empty string id or without a query function
  | "DUPLICATE_SHARD" // two shards share an id
  | "INVALID_COLUMNS" // options.columns is not an array of non-empty strings
  | "INVALID_POLICY" // options.onShardFailure is neither "fail" nor "partial"
  | "INVALID_TIMEOUT" // options.shardTimeoutMs is not a positive finite number, or sleep not a function
  // engine.query(query) and mergeSorted(...)
  | "INVALID_ORDER_BY" // orderBy is not an array of { column, direction? } objects
  | "UNKNOWN_COLUMN" // a sort key names a column the engine does not know
  | "INVALID_DIRECTION" // a sort key's direction is neither "asc" nor "desc"
  | "INVALID_LIMIT" // limit is not a non-negative integer
  | "INVALID_OFFSET" // offset is not a non-negative integer
  // a shard, with onShardFailure "fail"
  | "SHARD_FAILED" // a shard's query threw or rejected (the shard's error is the cause)
  | "SHARD_TIMEOUT"; // a shard did not answer within shardTimeoutMs

export class QueryError extends CodedError<QueryErrorCode> {
  override readonly name = "QueryError";

  constructor(
    code: QueryErrorCode,
    message: string,
    /** The shard that failed, for SHARD_FAILED and SHARD_TIMEOUT. */
    readonly shard?: string,
    /** What the shard threw, for SHARD_FAILED. */
    override readonly cause?: unknown,
  ) {
    super(code, message);
  }
}
