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
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Timer, heap[parent] as Timer)) break;
      [heap[i], heap[parent]] = [heap[parent] as Timer, heap[i] as Timer];
      i = parent;
    }
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
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && before(heap[left] as Timer, heap[smallest] as Timer)) smallest = left;
        if (right < heap.length && before(heap[right] as Timer, heap[smallest] as Timer)) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest] as Timer, heap[i] as Timer];
        i = smallest;
      }
    }
    return top;
  }
}
