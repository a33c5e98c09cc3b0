/**
 * The mistake: split a full leaf, then insert into the child, and again, with no depth limit (the
 * sketch people write first, and the seed's Python: its children never learn their depth). Points
 * at one position (a taxi rank, an airport queue) can never be split apart, so the recursion runs
 * until the stack overflows.
 */
import { addToLeaf, childrenOf, quadrantOf, type Cell, type Entry } from "../../src/cells";

export function insertEntry(root: Cell, entry: Entry, leafCapacity: number, _maxDepth: number): void {
  root.count++;
  if (root.children !== null) {
    insertEntry(root.children[quadrantOf(root, entry.lat, entry.lon)] as Cell, entry, leafCapacity, _maxDepth);
    return;
  }
  addToLeaf(root, entry);
  if (root.count <= leafCapacity) return;
  const waiting = root.entries;
  root.children = childrenOf(root);
  root.entries = [];
  root.count = 0;
  for (const moved of waiting) insertEntry(root, moved, leafCapacity, _maxDepth);
}
