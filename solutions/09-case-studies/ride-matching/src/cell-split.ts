import { addToLeaf, childrenOf, quadrantOf, type Cell, type Entry } from "./cells";

/**
 * Files `entry` (already holding its coordinates) under `root`: down to the leaf that holds its
 * position, raising each cell's count on the way; then the leaf splits if it is over capacity.
 * O(depth), plus O(leafCapacity) for a split.
 */
export function insertEntry(root: Cell, entry: Entry, leafCapacity: number, maxDepth: number): void {
  let cell = root;
  cell.count++;
  while (cell.children !== null) {
    cell = cell.children[quadrantOf(cell, entry.lat, entry.lon)] as Cell;
    cell.count++;
  }
  addToLeaf(cell, entry);
  splitWhileOver(cell, leafCapacity, maxDepth);
}

/**
 * Splits `leaf` while it holds more than `leafCapacity` entries, and then each child that is still
 * over capacity. A cell at `maxDepth` never splits: points at one position cannot be told apart by
 * any split, and without the cap they would split cells forever.
 */
export function splitWhileOver(leaf: Cell, leafCapacity: number, maxDepth: number): void {
  if (leaf.count <= leafCapacity || leaf.depth >= maxDepth) return;
  const children = childrenOf(leaf);
  for (const entry of leaf.entries) {
    const child = children[quadrantOf(leaf, entry.lat, entry.lon)] as Cell;
    child.count++;
    addToLeaf(child, entry);
  }
  leaf.entries = [];
  leaf.children = children;
  for (const child of children) splitWhileOver(child, leafCapacity, maxDepth);
}
