/**
 * The documents that contain one term, as two parallel arrays: the documents' slots and how many
 * times the term occurs in each. No order is kept: a removal moves the last entry into the hole,
 * so ranking must never depend on the order postings are visited in.
 */
export class PostingList {
  readonly slots: number[] = [];
  readonly counts: number[] = [];

  /** The term's document frequency, df. */
  get length(): number {
    return this.slots.length;
  }

  add(slot: number, count: number): void {
    this.slots.push(slot);
    this.counts.push(count);
  }

  /** Takes the slot's entry out: O(df) to find it, O(1) to fill its place with the last entry. */
  remove(slot: number): void {
    const at = this.slots.indexOf(slot);
    const last = this.slots.length - 1;
    this.slots[at] = this.slots[last] as number;
    this.counts[at] = this.counts[last] as number;
    this.slots.pop();
    this.counts.pop();
  }
}
