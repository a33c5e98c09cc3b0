/**
 * The mistake: the answers are concatenated, not merged. Each shard's rows are sorted, so the
 * result looks sorted shard by shard, but rows of different shards never interleave.
 */
import { checkOrderBy, checkWindow } from "../../src/query-checks";
import type { Row, RowWindow, SortKey } from "../../src/query";

export function mergeSorted(
  answers: readonly (readonly Row[])[],
  orderBy: readonly SortKey[],
  window: RowWindow = {},
): Row[] {
  checkOrderBy(orderBy);
  const { offset, limit } = checkWindow(window);
  return answers.flat().slice(offset, limit === undefined ? undefined : offset + limit);
}
