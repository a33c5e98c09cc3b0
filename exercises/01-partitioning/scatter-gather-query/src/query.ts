/**
 * The shapes a scatter-gather query is made of (given code: use them as they are).
 *
 * A row is a plain object of column values. Values in a sort column compare like this: numbers
 * numerically, strings by UTF-16 code units (`"B" < "a"`, as `<` does; no locale rules), and a
 * number before any string when a column holds both. Every row has every column it is sorted by.
 */

export type Value = string | number;

export type Row = Readonly<Record<string, Value>>;

export type Direction = "asc" | "desc";

/** One term of ORDER BY: a column, ascending unless direction is "desc". */
export interface SortKey {
  readonly column: string;
  readonly direction?: Direction;
}

/**
 * `SELECT * FROM t ORDER BY <orderBy> LIMIT <limit> OFFSET <offset>` over the union of all shards.
 * With no limit every row after the offset is returned; offset defaults to 0. An empty orderBy is
 * allowed: then every row ties, and the tie-break alone orders them (see ScatterGatherEngine).
 */
export interface Query {
  readonly orderBy: readonly SortKey[];
  readonly limit?: number;
  readonly offset?: number;
}

/** What the engine asks each shard: its rows sorted by orderBy, at most `limit` of them. */
export interface ShardRequest {
  /** The query's sort keys, each with its direction spelled out. */
  readonly orderBy: readonly Required<SortKey>[];
  /** At most this many rows; undefined means all of them. */
  readonly limit: number | undefined;
}

/**
 * One shard: a database node holding part of the table. `query` answers with the shard's first
 * `request.limit` rows in `request.orderBy` order (rows the shard holds in equal sort positions
 * keep an order of the shard's own: the engine keeps it too).
 */
export interface Shard {
  readonly id: string;
  query(request: ShardRequest): Promise<readonly Row[]>;
}

/** What to do when a shard throws, rejects or does not answer in time. */
export type ShardFailurePolicy =
  | "fail" // the whole query rejects with a QueryError naming the shard (the default)
  | "partial"; // the query answers from the other shards, and says which ones are missing

export interface MissingShard {
  readonly shard: string;
  readonly reason: "error" | "timeout";
}

export interface QueryResult {
  /** The rows the query selects, in global order. */
  readonly rows: readonly Row[];
  /** True when some shard's rows are missing (onShardFailure "partial" only). */
  readonly partial: boolean;
  /** The shards whose rows are missing, sorted by shard id: empty when partial is false. */
  readonly missing: readonly MissingShard[];
}

/** The part of the global order a merge returns: rows offset .. offset + limit - 1. */
export interface RowWindow {
  readonly offset?: number;
  readonly limit?: number;
}

export interface ScatterGatherOptions {
  /** Every shard of the table; at least one. Shard ids are unique. */
  readonly shards: readonly Shard[];
  /** The table's columns: a sort key must name one of them. */
  readonly columns: readonly string[];
  /** "fail" (the default) or "partial". */
  readonly onShardFailure?: ShardFailurePolicy;
  /** How long each shard has to answer, in ms; no limit when omitted. */
  readonly shardTimeoutMs?: number;
  /**
   * The clock the timeouts run on: resolves after `ms` milliseconds. Real timers when omitted;
   * tests pass a virtual one (`ms => timers.sleep(ms)` with VirtualTimers from #kata/sim).
   */
  readonly sleep?: (ms: number) => Promise<void>;
}
