/**
 * For each word, the slots of the documents that contain it. A query's words are matched by
 * intersecting their postings, the shortest first, so a query reads only the documents of its
 * rarest word.
 */
export class TextPostings {
  private readonly postings = new Map<string, Set<number>>();

  add(slot: number, words: readonly string[]): void {
    for (const word of words) {
      const slots = this.postings.get(word);
      if (slots === undefined) this.postings.set(word, new Set([slot]));
      else slots.add(slot);
    }
  }

  remove(slot: number, words: readonly string[]): void {
    for (const word of words) {
      // Every word removed was added with this slot, so its postings exist.
      const slots = this.postings.get(word) as Set<number>;
      slots.delete(slot);
      if (slots.size === 0) this.postings.delete(word);
    }
  }

  /** The slots that contain every one of `words` (distinct, at least one). */
  containingAll(words: readonly string[]): number[] {
    const lists: Set<number>[] = [];
    for (const word of words) {
      const slots = this.postings.get(word);
      if (slots === undefined) return [];
      lists.push(slots);
    }
    lists.sort((a, b) => a.size - b.size);
    const [shortest, ...others] = lists as [Set<number>, ...Set<number>[]];
    const found: number[] = [];
    scan: for (const slot of shortest) {
      for (const slots of others) if (!slots.has(slot)) continue scan;
      found.push(slot);
    }
    return found;
  }
}
