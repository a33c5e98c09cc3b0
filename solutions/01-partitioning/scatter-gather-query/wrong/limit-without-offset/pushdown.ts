/**
 * The mistake: each shard is asked for LIMIT rows, not OFFSET + LIMIT. Past the first page the
 * coordinator skips `offset` rows of a pool that never held the rows the page needs.
 */
export function shardLimit(offset: number, limit: number | undefined): number | undefined {
  void offset;
  return limit;
}
