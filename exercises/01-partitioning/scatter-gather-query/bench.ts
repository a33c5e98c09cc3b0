/**
 * How the merge is measured. A coordinator's own work, per query, is the merge: the shards sort
 * and cut their rows in parallel, and the coordinator turns s sorted answers into one page. That is
 * the part that grows with the number of shards, so it is what is timed (the answers are built
 * once, outside the timing, as the shards would send them after pushdown).
 */
import { defineBench } from "#kata/bench";
import { sortRows, seededOrders } from "./in-memory-shard";
import type * as Engine from "./src/scatter-gather";
import type { Row, SortKey } from "./src/query";

type Api = Pick<typeof Engine, "mergeSorted">;

const ORDER_BY: SortKey[] = [{ column: "total", direction: "desc" }, { column: "placedAt" }];
const PAGE = 200;

/** `shards` answers of `rowsEach` rows each, sorted by ORDER_BY, as pushdown would send them. */
function answers(shards: number, rowsEach: number): Row[][] {
  const rows = seededOrders(shards * rowsEach, 11);
  return Array.from({ length: shards }, (_, s) => sortRows(rows.slice(s * rowsEach, (s + 1) * rowsEach), ORDER_BY));
}

/** One query's merge: the page of `limit` rows after `offset`, from answers of offset + limit rows. */
function mergeLoop(api: Api, shards: number, offset: number, limit: number): () => unknown {
  const sent = answers(shards, offset + limit);
  return () => api.mergeSorted(sent, ORDER_BY, { offset, limit });
}

export default defineBench<Api>({
  workloads: [
    {
      kind: "throughput",
      name: "first page, 16 shards",
      unit: `merges of ${PAGE} rows`,
      setup: (api) => mergeLoop(api, 16, 0, PAGE),
    },
    {
      kind: "scaling",
      name: "scaling, 4 to 256 shards",
      unit: `merges of ${PAGE} rows`,
      small: { label: "4 shards", setup: (api) => mergeLoop(api, 4, 0, PAGE) },
      large: { label: "256 shards", setup: (api) => mergeLoop(api, 256, 0, PAGE) },
    },
  ],
});
