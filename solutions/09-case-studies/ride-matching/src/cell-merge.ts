import { addToLeaf, takeFromLeaf, type Cell, type Entry } from "./cells";

/**
 * Takes `entry` out of the tree: out of its leaf, and one off the count of every cell above it.
 * The highest cell left with `leafCapacity` entries or fewer that still has children becomes one
 * leaf again, so cells that have emptied out do not linger (a city at 4 a.m. is a few cells, not
 * the thousands of its rush hour). O(depth), plus O(leafCapacity) for a merge.
 */
export function removeEntry(entry: Entry, leafCapacity: number): void {
  takeFromLeaf(entry);
  let mergeAt: Cell | null = null;
  for (let cell: Cell | null = entry.leaf; cell !== null; cell = cell.parent) {
    cell.count--;
    if (cell.children !== null && cell.count <= leafCapacity) mergeAt = cell;
  }
  if (mergeAt !== null) mergeIntoLeaf(mergeAt);
}

/** Makes `cell` a leaf holding every entry of its subtree. */
function mergeIntoLeaf(cell: Cell): void {
  const entries: Entry[] = [];
  gather(cell, entries);
  cell.children = null;
  cell.entries = [];
  for (const entry of entries) addToLeaf(cell, entry);
}

function gather(cell: Cell, into: Entry[]): void {
  if (cell.children === null) {
    for (const entry of cell.entries) into.push(entry);
    return;
  }
  for (const child of cell.children) gather(child, into);
}
