import type { Documents } from "./documents";
import type { TextPostings } from "./text-postings";

/**
 * The documents a query has to look at: those that contain every one of its words, read from the
 * postings of its rarest word; every document when it has no word (an empty search box).
 */
export function candidateSlots(words: readonly string[], text: TextPostings, documents: Documents): readonly number[] {
  return words.length === 0 ? documents.liveSlots() : text.containingAll(words);
}
