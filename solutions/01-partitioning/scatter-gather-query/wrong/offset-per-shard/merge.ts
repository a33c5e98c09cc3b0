/**
 * The mistake: OFFSET is applied per shard. Each answer drops its own first `offset` rows, as
 * sending `OFFSET o LIMIT l` to every shard would, and the merge then takes `limit` rows. The page
 * loses every row that sat among the first `offset` of some shard but belongs on the page.
 */
import { mergeSorted as merge } from "../../src/merge";
import type { Row, RowWindow, SortKey } from "../../src/query";

export function mergeSorted(
  answers: readonly (readonly Row[])[],
  orderBy: readonly SortKey[],
  window: RowWindow = {},
): Row[] {
  const offset = window.offset ?? 0;
  return merge(
    answers.map((answer) => answer.slice(offset)),
    orderBy,
    { limit: window.limit },
  );
}
