/**
 * The mistake: a removal takes the point out of its leaf and the counts, and leaves the cells as
 * they are. Cells split at rush hour stay split when the drivers have gone: the tree only grows,
 * and every search wades through empty cells.
 */
import { takeFromLeaf, type Cell, type Entry } from "../../src/cells";

export function removeEntry(entry: Entry, _leafCapacity: number): void {
  takeFromLeaf(entry);
  for (let cell: Cell | null = entry.leaf; cell !== null; cell = cell.parent) cell.count--;
}
