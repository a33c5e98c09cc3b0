import { notImplemented } from "#kata";
import type { Query, QueryResult, ScatterGatherOptions } from "./query";
// QueryError (./errors) is what bad options and queries throw, and what a failing shard causes
// under the "fail" policy; mergeSorted (./merge) is the merge the engine needs.

export { mergeSorted } from "./merge";
export type * from "./query";

/**
 * A coordinator in front of a sharded table, as Vitess's vtgate, a Citus coordinator or MongoDB's
 * mongos is: it sends one query to every shard at once (scatter), then merges their sorted answers
 * into one (gather).
 *
 * - **Pushdown.** Each shard is asked for its rows in the query's order, and for at most
 *   `offset + limit` of them: any of the global first offset + limit rows may come from one shard,
 *   so no shard can skip the offset on its own, nor stop at `limit`. With no limit, shards return
 *   every row.
 * - **Global order.** The sort keys, then shard id (the smaller id first), then the row's position
 *   in its shard's answer. Not the order the shards were listed in, nor the order they answered
 *   in: the same data gives the same rows, page after page, however fast each shard is.
 * - **OFFSET and LIMIT are global**: rows offset .. offset + limit - 1 of the global order.
 * - **A failing shard** (its query throws or rejects, or it has not answered after
 *   `shardTimeoutMs`) is handled by `onShardFailure`. "fail": the query rejects at once with a
 *   QueryError, SHARD_FAILED or SHARD_TIMEOUT, whose `shard` is the shard's id. "partial": the
 *   query answers from the shards that did answer, with `partial: true` and each missing shard
 *   (and why) in `missing`. Either way the query settles by the timeout: it never waits for a
 *   shard past it, and an answer that arrives after its shard's timeout is stale: never merged.
 *
 * The result equals one database holding every row, shard by shard in id order, running the same
 * query with a stable sort (minus the missing shards' rows, when partial).
 */
export class ScatterGatherEngine {
  /**
   * @throws QueryError NO_SHARDS for no shards; INVALID_SHARD for a shard without a non-empty
   *   string id or a query function; DUPLICATE_SHARD when two shards share an id; INVALID_COLUMNS
   *   unless columns is an array of non-empty strings; INVALID_POLICY for a policy other than
   *   "fail" or "partial"; INVALID_TIMEOUT unless shardTimeoutMs, when given, is positive and
   *   finite.
   */
  constructor(options: ScatterGatherOptions) {
    notImplemented(`new ScatterGatherEngine({ ${options.shards.length} shards, ... })`);
  }

  /** The shard ids, sorted: the order ties are broken in. */
  shardIds(): string[] {
    return notImplemented("ScatterGatherEngine.shardIds");
  }

  /**
   * Runs the query on every shard at once and merges the answers.
   *
   * Rejects (never throws synchronously) with a QueryError: INVALID_ORDER_BY, UNKNOWN_COLUMN,
   * INVALID_DIRECTION, INVALID_LIMIT or INVALID_OFFSET for a bad query, before any shard is asked;
   * SHARD_FAILED or SHARD_TIMEOUT when a shard fails under the "fail" policy.
   */
  query(query: Query): Promise<QueryResult> {
    return notImplemented(`ScatterGatherEngine.query(${JSON.stringify(query)})`);
  }
}
