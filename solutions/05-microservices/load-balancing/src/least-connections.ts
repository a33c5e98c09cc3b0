import type { Backend, Strategy } from "./backend";

/** a goes before b: fewer in flight, then earlier in the list. */
function before(a: Backend, b: Backend): boolean {
  return a.inFlight < b.inFlight || (a.inFlight === b.inFlight && a.order < b.order);
}

/**
 * The healthy backend with the fewest requests in flight, the earliest in the list on a tie,
 * kept at the top of a binary min-heap. Each backend remembers its heap index, so a pick, a
 * release or a health change moves one backend up or down in O(log n) instead of scanning all n.
 */
export class LeastConnections implements Strategy {
  private readonly heap: Backend[] = [];

  added(backend: Backend): void {
    this.insert(backend); // a new backend is up
  }

  removed(backend: Backend): void {
    this.delete(backend);
  }

  healthChanged(backend: Backend): void {
    if (backend.healthy) this.insert(backend);
    else this.delete(backend);
  }

  loadChanged(backend: Backend): void {
    if (backend.heapIndex < 0) return;
    this.siftUp(backend.heapIndex);
    this.siftDown(backend.heapIndex);
  }

  choose(): Backend | undefined {
    return this.heap[0];
  }

  private insert(backend: Backend): void {
    if (backend.heapIndex >= 0) return;
    backend.heapIndex = this.heap.length;
    this.heap.push(backend);
    this.siftUp(backend.heapIndex);
  }

  private delete(backend: Backend): void {
    const at = backend.heapIndex;
    if (at < 0) return;
    const last = this.heap.pop() as Backend;
    backend.heapIndex = -1;
    if (last === backend) return;
    this.heap[at] = last;
    last.heapIndex = at;
    this.siftUp(at);
    this.siftDown(last.heapIndex);
  }

  private siftUp(start: number): void {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(this.heap[i] as Backend, this.heap[parent] as Backend)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(start: number): void {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && before(this.heap[left] as Backend, this.heap[smallest] as Backend))
        smallest = left;
      if (right < this.heap.length && before(this.heap[right] as Backend, this.heap[smallest] as Backend))
        smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i] as Backend;
    const b = this.heap[j] as Backend;
    this.heap[i] = b;
    this.heap[j] = a;
    a.heapIndex = j;
    b.heapIndex = i;
  }
}
