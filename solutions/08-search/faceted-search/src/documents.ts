/**
 * The documents, each in a slot: a small integer that indexes the per-document arrays here and in
 * the other structures. A removed document's slot is reused by the next one added.
 */
export class Documents {
  private readonly slotOf = new Map<number, number>();
  private readonly ids: number[] = [];
  private readonly words: (readonly string[])[] = [];
  /** The slots in use, in no order; `position[slot]` is where a slot sits in it. */
  private readonly live: number[] = [];
  private readonly position: number[] = [];
  private readonly free: number[] = [];

  get size(): number {
    return this.live.length;
  }

  slotFor(id: number): number | undefined {
    return this.slotOf.get(id);
  }

  idOf(slot: number): number {
    return this.ids[slot] as number;
  }

  /** The document's distinct words. */
  wordsOf(slot: number): readonly string[] {
    return this.words[slot] as readonly string[];
  }

  /** Every slot in use. */
  liveSlots(): readonly number[] {
    return this.live;
  }

  /** Takes a slot for a new document. */
  open(id: number, words: readonly string[]): number {
    const slot = this.free.pop() ?? this.ids.length;
    this.slotOf.set(id, slot);
    this.ids[slot] = id;
    this.words[slot] = words;
    this.position[slot] = this.live.length;
    this.live.push(slot);
    return slot;
  }

  /** Replaces the words of the document in `slot`. */
  rewrite(slot: number, words: readonly string[]): void {
    this.words[slot] = words;
  }

  /** Frees the slot of a removed document. */
  close(slot: number): void {
    this.slotOf.delete(this.ids[slot] as number);
    this.words[slot] = [];
    const at = this.position[slot] as number;
    const last = this.live.pop() as number;
    if (last !== slot) {
      this.live[at] = last;
      this.position[last] = at;
    }
    this.free.push(slot);
  }
}
