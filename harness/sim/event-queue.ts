/**
 * The simulation's agenda: events ordered by virtual time, and by scheduling order among events at
 * the same instant, so a run is a function of its seed alone. A binary heap; a cancelled event
 * stays in the heap and is skipped when it comes up (cheaper than removing it).
 */
export interface ScheduledEvent {
  at: number;
  seq: number;
  run: () => void;
  cancelled: boolean;
}

export class EventQueue {
  private heap: ScheduledEvent[] = [];
  private nextSeq = 0;

  /** Events neither run nor cancelled. */
  liveCount(): number {
    return this.heap.filter((event) => !event.cancelled).length;
  }

  get size(): number {
    return this.heap.length;
  }

  push(at: number, run: () => void): ScheduledEvent {
    const event: ScheduledEvent = { at, seq: this.nextSeq++, run, cancelled: false };
    this.heap.push(event);
    this.siftUp(this.heap.length - 1);
    return event;
  }

  /** The earliest live event, removed from the queue; undefined when none is left. */
  pop(): ScheduledEvent | undefined {
    this.dropCancelledTop();
    return this.heap.length > 0 ? this.removeTop() : undefined;
  }

  /** Time of the earliest live event, left in the queue. */
  peekTime(): number | undefined {
    this.dropCancelledTop();
    return this.heap[0]?.at;
  }

  private dropCancelledTop(): void {
    while (this.heap.length > 0 && (this.heap[0] as ScheduledEvent).cancelled) this.removeTop();
  }

  private removeTop(): ScheduledEvent {
    const top = this.heap[0] as ScheduledEvent;
    const last = this.heap.pop() as ScheduledEvent;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private before(i: number, j: number): boolean {
    const a = this.heap[i] as ScheduledEvent;
    const b = this.heap[j] as ScheduledEvent;
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i] as ScheduledEvent;
    this.heap[i] = this.heap[j] as ScheduledEvent;
    this.heap[j] = t;
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && this.before(left, smallest)) smallest = left;
      if (right < this.heap.length && this.before(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
