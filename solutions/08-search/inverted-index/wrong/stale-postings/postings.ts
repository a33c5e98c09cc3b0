/**
 * The mistake: removing a document from a posting list does nothing, as in the seed, whose
 * add_document never removes anything. remove() and update() forget the document's record, but
 * every term of its old text still lists its slot: the old words still find it (or whichever
 * document reuses the slot), and df counts it too.
 */
import { PostingList as Reference } from "../../src/postings";

export class PostingList extends Reference {
  override remove(): void {
    // left behind
  }
}
