/**
 * A first-in first-out queue: push at the tail, shift at the head, both O(1) amortised, and reads
 * by position from the head. Array.prototype.shift moves every element, so a queue that is shifted
 * once per message (a subscriber's buffer, the retained log) needs a moving head instead.
 */
export class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The item at the head, without removing it. */
  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined; // let the item go now, not at the next compaction
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > this.items.length >>> 1) {
      // More than half the array is spent head: copy the live half down, O(1) per shift amortised.
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** The items from position `from` (0 is the head) to the tail, as a new array. */
  sliceFrom(from: number): T[] {
    return this.items.slice(this.head + from) as T[];
  }

  /** The item at position `index` from the head. */
  at(index: number): T | undefined {
    return this.items[this.head + index];
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
