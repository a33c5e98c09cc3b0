/**
 * What each shard is asked for. OFFSET and LIMIT select rows of the global order, and all of the
 * first offset + limit rows may sit on one shard: so every shard must send its first
 * offset + limit rows, and none can skip the offset by itself. With no limit, every row.
 */
export function shardLimit(offset: number, limit: number | undefined): number | undefined {
  return limit === undefined ? undefined : offset + limit;
}
