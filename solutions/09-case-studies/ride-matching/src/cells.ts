/**
 * The tree's cells and the points filed in them. A cell is a lat/lon box; an inner cell has four
 * children, a leaf holds entries. Every entry knows its leaf and its slot in the leaf's array, so
 * taking it out is O(1) and never needs a search by coordinates.
 */

/** A point in the tree. `leaf` and `slot` say where it is filed. */
export class Entry {
  leaf: Cell;
  slot = 0;

  constructor(
    readonly id: string,
    public lat: number,
    public lon: number,
    leaf: Cell,
  ) {
    this.leaf = leaf;
  }
}

/**
 * A cell: south <= lat < north and west <= lon < east, except that the world's north edge (lat 90)
 * and east edge (lon 180) belong to the cells along them. `count` is the number of entries in the
 * whole subtree, which is what decides splits and merges.
 */
export class Cell {
  /** [south-west, south-east, north-west, north-east], or null for a leaf. */
  children: Cell[] | null = null;
  /** The leaf's entries; empty in an inner cell. */
  entries: Entry[] = [];
  count = 0;
  readonly midLat: number;
  readonly midLon: number;

  constructor(
    readonly south: number,
    readonly north: number,
    readonly west: number,
    readonly east: number,
    readonly depth: number,
    readonly parent: Cell | null,
  ) {
    this.midLat = (south + north) / 2;
    this.midLon = (west + east) / 2;
  }
}

export function worldCell(): Cell {
  return new Cell(-90, 90, -180, 180, 0, null);
}

/** Which child of `cell` holds (lat, lon): north when lat >= midLat, east when lon >= midLon. */
export function quadrantOf(cell: Cell, lat: number, lon: number): number {
  return (lat >= cell.midLat ? 2 : 0) + (lon >= cell.midLon ? 1 : 0);
}

/** The four children of `cell`, each with half its height and half its width. */
export function childrenOf(cell: Cell): Cell[] {
  const { south, north, west, east, midLat, midLon, depth } = cell;
  return [
    new Cell(south, midLat, west, midLon, depth + 1, cell),
    new Cell(south, midLat, midLon, east, depth + 1, cell),
    new Cell(midLat, north, west, midLon, depth + 1, cell),
    new Cell(midLat, north, midLon, east, depth + 1, cell),
  ];
}

/** Whether (lat, lon) belongs to `cell`: the same rule as descending by quadrantOf from the root. */
export function cellHolds(cell: Cell, lat: number, lon: number): boolean {
  return (
    lat >= cell.south &&
    (lat < cell.north || cell.north === 90) &&
    lon >= cell.west &&
    (lon < cell.east || cell.east === 180)
  );
}

/** Files `entry` in `leaf` (whose count the caller has already raised along the path). */
export function addToLeaf(leaf: Cell, entry: Entry): void {
  entry.leaf = leaf;
  entry.slot = leaf.entries.length;
  leaf.entries.push(entry);
}

/** Takes `entry` out of its leaf by moving the leaf's last entry into its slot. */
export function takeFromLeaf(entry: Entry): void {
  const entries = entry.leaf.entries;
  const last = entries.pop() as Entry;
  if (last !== entry) {
    entries[entry.slot] = last;
    last.slot = entry.slot;
  }
}
