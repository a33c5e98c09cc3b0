import { checkOrderBy, checkWindow } from "./query-checks";
import type { Row, RowWindow, SortKey } from "./query";
import { rowComparator } from "./row-order";

/**
 * A k-way merge with a binary min-heap of answers. The heap holds the index of every answer that
 * still has rows; an answer's place in it is decided by its next row (its cursor), ties by the
 * answer's index. Each step takes the top answer's next row and sifts that answer down: O(log s).
 * Rows before the offset are taken and dropped the same way, so the merge touches offset + limit
 * rows in all, however long the answers are.
 */
export function mergeSorted(
  answers: readonly (readonly Row[])[],
  orderBy: readonly SortKey[],
  window: RowWindow = {},
): Row[] {
  const compareRows = rowComparator(checkOrderBy(orderBy));
  const { offset, limit } = checkWindow(window);
  const end = limit === undefined ? Number.POSITIVE_INFINITY : offset + limit;

  const cursor = new Int32Array(answers.length); // each answer's next row
  const heads: Row[] = []; // heads[i] = answers[i][cursor[i]], kept so comparisons read it directly
  const heap = new Int32Array(answers.length);
  let size = 0;
  for (let i = 0; i < answers.length; i++) {
    const first = (answers[i] as readonly Row[])[0];
    heads.push(first as Row);
    if (first !== undefined) heap[size++] = i;
  }

  /** Whether answer x's next row comes before answer y's: by the sort keys, then by answer index. */
  const before = (x: number, y: number): boolean => {
    const order = compareRows(heads[x] as Row, heads[y] as Row);
    return order < 0 || (order === 0 && x < y);
  };

  const siftDown = (from: number): void => {
    const moving = heap[from] as number;
    let at = from;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && before(heap[child + 1] as number, heap[child] as number)) child++;
      if (!before(heap[child] as number, moving)) break;
      heap[at] = heap[child] as number;
      at = child;
    }
    heap[at] = moving;
  };

  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);

  const rows: Row[] = [];
  for (let taken = 0; taken < end && size > 0; taken++) {
    const top = heap[0] as number;
    if (taken >= offset) rows.push(heads[top] as Row);
    const answer = answers[top] as readonly Row[];
    const next = (cursor[top] as number) + 1;
    cursor[top] = next;
    if (next < answer.length) heads[top] = answer[next] as Row;
    else heap[0] = heap[--size] as number; // this answer is used up: the last heap entry takes its place
    siftDown(0);
  }
  return rows;
}
