/** A timer: fire a window at its end, or clean it up once its allowed lateness has passed too. */
export interface Timer {
  readonly time: number;
  /** 0 fires, 1 cleans up: at the same time a window fires before it goes. */
  readonly phase: 0 | 1;
  readonly key: string;
  readonly start: number;
  readonly run: () => void;
}

function before(a: Timer, b: Timer): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.phase !== b.phase) return a.phase < b.phase;
  if (a.key !== b.key) return a.key < b.key;
  return a.start < b.start;
}

/**
 * Timers in a binary min-heap ordered by (time, phase, key, start): a watermark advance runs only
 * the timers it passed, O(log n) each, instead of looking at every open window. Timers of windows
 * that merged or went away are left in and do nothing when they run.
 */
export class TimerQueue {
  private readonly heap: Timer[] = [];

  push(timer: Timer): void {
    const heap = this.heap;
    // Move parents down into the hole until the new timer's place is found: no swaps.
    let i = heap.length;
    heap.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as Timer;
      if (!before(timer, above)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = timer;
  }

  /** Runs, in order, every timer due at or before `time` (timers it sets run too if due). */
  runUntil(time: number): void {
    while (this.heap.length > 0 && (this.heap[0] as Timer).time <= time) this.pop().run();
  }

  clear(): void {
    this.heap.length = 0;
  }

  private pop(): Timer {
    const heap = this.heap;
    const top = heap[0] as Timer;
    const last = heap.pop() as Timer;
    const n = heap.length;
    if (n === 0) return top;
    // Sift the last timer down from the root, moving smaller children up into the hole.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && before(heap[right] as Timer, heap[left] as Timer)) child = right;
      const below = heap[child] as Timer;
      if (!before(below, last)) break;
      heap[i] = below;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
