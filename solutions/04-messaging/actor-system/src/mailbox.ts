/**
 * A FIFO queue on a ring buffer: push and shift are O(1) and allocate nothing until the buffer
 * doubles. An actor's mailbox, and the system's queue of actors with work (./run-queue.ts).
 */
export class Mailbox<T> {
  private slots: (T | undefined)[] = new Array<T | undefined>(8);
  private mask = 7;
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.slots.length) this.grow();
    this.slots[(this.head + this.count) & this.mask] = item;
    this.count++;
  }

  /** The oldest item, removed; undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    this.slots[this.head] = undefined; // let it be collected
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return item;
  }

  private grow(): void {
    const slots = new Array<T | undefined>(this.slots.length * 2);
    for (let i = 0; i < this.count; i++) slots[i] = this.slots[(this.head + i) & this.mask];
    this.slots = slots;
    this.mask = slots.length - 1;
    this.head = 0;
  }
}
