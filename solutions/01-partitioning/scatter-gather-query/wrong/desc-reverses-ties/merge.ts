/**
 * The mistake: a query whose first key is DESC is answered by merging in the opposite order and
 * reversing the result, as `ORDER BY ... ASC` then `reverse()` would. The keys come out right, but
 * the tie-break is reversed too: tied rows come by shard id from the last shard to the first.
 */
import { mergeSorted as merge } from "../../src/merge";
import { checkOrderBy, checkWindow } from "../../src/query-checks";
import type { Row, RowWindow, SortKey } from "../../src/query";

export function mergeSorted(
  answers: readonly (readonly Row[])[],
  orderBy: readonly SortKey[],
  window: RowWindow = {},
): Row[] {
  const keys = checkOrderBy(orderBy);
  const { offset, limit } = checkWindow(window);
  if (keys[0]?.direction !== "desc") return merge(answers, keys, window);
  const flipped = keys.map(
    (key) => ({ column: key.column, direction: key.direction === "desc" ? "asc" : "desc" }) as const,
  );
  const ascending = merge(
    answers.map((answer) => [...answer].reverse()),
    flipped,
  );
  return ascending.reverse().slice(offset, limit === undefined ? undefined : offset + limit);
}
