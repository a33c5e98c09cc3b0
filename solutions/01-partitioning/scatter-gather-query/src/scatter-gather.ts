import { QueryError } from "./errors";
import { gatherAnswers, type GatherSettings } from "./gather";
import { mergeSorted } from "./merge";
import { shardLimit } from "./pushdown";
import { checkOrderBy, checkWindow, shown } from "./query-checks";
import type { Query, QueryResult, ScatterGatherOptions, Shard, ShardRequest } from "./query";

export { mergeSorted } from "./merge";
export type * from "./query";

function checkShards(shards: unknown): Shard[] {
  if (!Array.isArray(shards) || shards.length === 0) {
    throw new QueryError(
      "NO_SHARDS",
      `a scatter-gather engine needs at least one shard to query; options.shards was ${Array.isArray(shards) ? "empty" : shown(shards)}`,
    );
  }
  const seen = new Set<string>();
  for (const [i, shard] of (shards as unknown[]).entries()) {
    const { id, query } = (shard ?? {}) as Partial<Shard>;
    if (typeof id !== "string" || id === "" || typeof query !== "function") {
      throw new QueryError(
        "INVALID_SHARD",
        `shards[${i}] must be { id: non-empty string, query(request) }, got id ${shown(id)} and query ${shown(query)}`,
      );
    }
    if (seen.has(id)) {
      throw new QueryError("DUPLICATE_SHARD", `two shards have the id ${shown(id)}: give every shard an id of its own`);
    }
    seen.add(id);
  }
  return [...(shards as Shard[])].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function checkColumns(columns: unknown): Set<string> {
  if (!Array.isArray(columns) || !columns.every((column) => typeof column === "string" && column !== "")) {
    throw new QueryError(
      "INVALID_COLUMNS",
      `options.columns must list the table's column names as non-empty strings, got ${shown(columns)}`,
    );
  }
  return new Set(columns as string[]);
}

function checkSettings(options: ScatterGatherOptions): GatherSettings {
  const { onShardFailure: policy = "fail", shardTimeoutMs: timeoutMs, sleep } = options;
  if (policy !== "fail" && policy !== "partial") {
    throw new QueryError("INVALID_POLICY", `onShardFailure must be "fail" or "partial", got ${shown(policy)}`);
  }
  if (timeoutMs !== undefined && !(timeoutMs > 0 && Number.isFinite(timeoutMs))) {
    throw new QueryError(
      "INVALID_TIMEOUT",
      `shardTimeoutMs must be a positive, finite number of milliseconds (or left out for no timeout), got ${shown(timeoutMs)}`,
    );
  }
  if (sleep !== undefined && typeof sleep !== "function") {
    throw new QueryError("INVALID_TIMEOUT", `sleep must be a function (ms) => Promise<void>, got ${shown(sleep)}`);
  }
  return { policy, timeoutMs, sleep };
}

export class ScatterGatherEngine {
  private readonly shards: Shard[];
  private readonly columns: Set<string>;
  private readonly settings: GatherSettings;

  constructor(options: ScatterGatherOptions) {
    this.shards = checkShards((options as ScatterGatherOptions | undefined)?.shards);
    this.columns = checkColumns(options.columns);
    this.settings = checkSettings(options);
  }

  shardIds(): string[] {
    return this.shards.map((shard) => shard.id);
  }

  async query(query: Query): Promise<QueryResult> {
    const orderBy = checkOrderBy((query as Query | undefined)?.orderBy);
    for (const { column } of orderBy) {
      if (!this.columns.has(column)) {
        throw new QueryError(
          "UNKNOWN_COLUMN",
          `cannot sort by ${shown(column)}: the table has no such column. Its columns are ${[...this.columns].join(", ") || "none"}`,
        );
      }
    }
    const { offset, limit } = checkWindow(query);
    const request: ShardRequest = { orderBy, limit: shardLimit(offset, limit) };
    const { answers, missing } = await gatherAnswers(this.shards, request, this.settings);
    return { rows: mergeSorted(answers, orderBy, { offset, limit }), partial: missing.length > 0, missing };
  }
}
