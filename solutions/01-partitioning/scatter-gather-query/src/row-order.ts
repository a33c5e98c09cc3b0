/** How two rows compare under ORDER BY (the sort keys only; ties are the merge's business). */
import type { Row, SortKey, Value } from "./query";

/** Numbers numerically, strings by UTF-16 code units, and any number before any string. */
export function compareValues(a: Value, b: Value): number {
  if (typeof a !== typeof b) return typeof a === "number" ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator for the sort keys: negative when a sorts first, 0 when they tie on every key. */
export function rowComparator(orderBy: readonly Required<SortKey>[]): (a: Row, b: Row) => number {
  const columns = orderBy.map((key) => key.column);
  const signs = orderBy.map((key) => (key.direction === "desc" ? -1 : 1));
  return (a, b) => {
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k] as string;
      const order = compareValues(a[column] as Value, b[column] as Value);
      if (order !== 0) return order * (signs[k] as number);
    }
    return 0;
  };
}
