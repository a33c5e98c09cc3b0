/**
 * The `limit` smallest of `ids`, ascending, in one pass: a binary max-heap holds the smallest seen
 * so far, its root the largest of them, which a smaller id replaces. O(n log limit) where sorting
 * every hit would be O(n log n); a browse page matches most of the shop and shows 20 of them.
 */
export function firstIds(ids: readonly number[], limit: number): number[] {
  const heap: number[] = [];
  if (limit === 0) return heap;
  for (const id of ids) {
    if (heap.length < limit) {
      heap.push(id);
      siftUp(heap, heap.length - 1);
    } else if (id < (heap[0] as number)) {
      heap[0] = id;
      siftDown(heap, 0);
    }
  }
  return heap.sort((a, b) => a - b);
}

function siftUp(heap: number[], at: number): void {
  const id = heap[at] as number;
  let child = at;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if ((heap[parent] as number) >= id) break;
    heap[child] = heap[parent] as number;
    child = parent;
  }
  heap[child] = id;
}

function siftDown(heap: number[], at: number): void {
  const id = heap[at] as number;
  const size = heap.length;
  let parent = at;
  for (;;) {
    const left = 2 * parent + 1;
    if (left >= size) break;
    const right = left + 1;
    const larger = right < size && (heap[right] as number) > (heap[left] as number) ? right : left;
    if ((heap[larger] as number) <= id) break;
    heap[parent] = heap[larger] as number;
    parent = larger;
  }
  heap[parent] = id;
}
