import { Cell, Entry, worldCell } from "./cells";
import { removeEntry } from "./cell-merge";
import { insertEntry } from "./cell-split";
import { QuadtreeError } from "./errors";
import { nearestTo } from "./nearest-search";
import { collectWithin, compareNeighbours } from "./radius-search";
import { moveEntry } from "./relocate";
import {
  DEFAULT_LEAF_CAPACITY,
  DEFAULT_MAX_DEPTH,
  MAX_DEPTH_LIMIT,
  type Neighbour,
  type Position,
  type QuadtreeOptions,
} from "./tree-spec";

export { DEFAULT_LEAF_CAPACITY, DEFAULT_MAX_DEPTH, MAX_DEPTH_LIMIT } from "./tree-spec";
export type { Neighbour, Position, QuadtreeOptions } from "./tree-spec";

/**
 * A point quadtree over the globe (the rules are in the stub's class comment).
 *
 * The cells live in ./cells; inserts split (./cell-split), removals merge (./cell-merge), moves stay
 * in place when they can (./relocate). A Map from id to entry finds any point in O(1), and each
 * entry knows its leaf, so a move or a removal never searches by coordinates. Searches visit only
 * the cells that overlap the box around the search circle (./cap-box, ./radius-search); k-nearest
 * widens an exact radius search until it holds k points (./nearest-search). Every check runs before
 * any change, so a call that throws leaves the tree as it was.
 */
export class Quadtree {
  readonly leafCapacity: number;
  readonly maxDepth: number;
  private readonly root: Cell = worldCell();
  private readonly entries = new Map<string, Entry>();

  constructor(options: QuadtreeOptions = {}) {
    const leafCapacity = options.leafCapacity ?? DEFAULT_LEAF_CAPACITY;
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    if (!Number.isInteger(leafCapacity) || leafCapacity < 1) {
      throw new QuadtreeError(
        "INVALID_OPTIONS",
        `leafCapacity must be a positive integer, got ${String(leafCapacity)}; omit it for ${DEFAULT_LEAF_CAPACITY}`,
      );
    }
    if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > MAX_DEPTH_LIMIT) {
      throw new QuadtreeError(
        "INVALID_OPTIONS",
        `maxDepth must be an integer from 0 to ${MAX_DEPTH_LIMIT}, got ${String(maxDepth)}; omit it for ${DEFAULT_MAX_DEPTH}`,
      );
    }
    this.leafCapacity = leafCapacity;
    this.maxDepth = maxDepth;
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  position(id: string): Position | undefined {
    const entry = this.entries.get(id);
    return entry === undefined ? undefined : { lat: entry.lat, lon: entry.lon };
  }

  insert(id: string, lat: number, lon: number): void {
    assertId(id);
    assertCoordinates(lat, lon);
    const existing = this.entries.get(id);
    if (existing !== undefined) {
      throw new QuadtreeError(
        "DUPLICATE_ID",
        `"${id}" is already in the tree, at ${existing.lat}, ${existing.lon}; use move("${id}", ${lat}, ${lon}) to change its position`,
      );
    }
    const entry = new Entry(id, lat, lon, this.root);
    insertEntry(this.root, entry, this.leafCapacity, this.maxDepth);
    this.entries.set(id, entry);
  }

  move(id: string, lat: number, lon: number): void {
    assertId(id);
    assertCoordinates(lat, lon);
    moveEntry(this.root, this.entryOf(id, "move"), lat, lon, this.leafCapacity, this.maxDepth);
  }

  remove(id: string): void {
    assertId(id);
    removeEntry(this.entryOf(id, "remove"), this.leafCapacity);
    this.entries.delete(id);
  }

  within(lat: number, lon: number, radiusMetres: number): Neighbour[] {
    assertCoordinates(lat, lon);
    assertDistance("radiusMetres", radiusMetres);
    const found: Neighbour[] = [];
    collectWithin(this.root, lat, lon, radiusMetres, found);
    return found.sort(compareNeighbours);
  }

  nearest(lat: number, lon: number, k: number, maxDistanceMetres: number = Number.POSITIVE_INFINITY): Neighbour[] {
    assertCoordinates(lat, lon);
    if (!Number.isInteger(k) || k < 1) {
      throw new QuadtreeError(
        "INVALID_K",
        `k must be a positive integer, got ${String(k)}; ask for 1 or more neighbours`,
      );
    }
    assertDistance("maxDistanceMetres", maxDistanceMetres);
    return nearestTo(this.root, lat, lon, k, maxDistanceMetres);
  }

  cellCount(): number {
    let cells = 0;
    const pending = [this.root];
    for (let cell = pending.pop(); cell !== undefined; cell = pending.pop()) {
      cells++;
      if (cell.children !== null) pending.push(...cell.children);
    }
    return cells;
  }

  private entryOf(id: string, action: "move" | "remove"): Entry {
    const entry = this.entries.get(id);
    if (entry === undefined) {
      throw new QuadtreeError("UNKNOWN_ID", `cannot ${action} "${id}": it is not in the tree; insert it first`);
    }
    return entry;
  }
}

function assertId(id: unknown): asserts id is string {
  if (typeof id !== "string" || id.length === 0) {
    throw new QuadtreeError("INVALID_ID", `ids must be non-empty strings, got ${JSON.stringify(id) ?? String(id)}`);
  }
}

function isLatitude(value: unknown): value is number {
  return typeof value === "number" && value >= -90 && value <= 90;
}

function isLongitude(value: unknown): value is number {
  return typeof value === "number" && value >= -180 && value <= 180;
}

function assertCoordinates(lat: unknown, lon: unknown): void {
  if (isLatitude(lat) && isLongitude(lon)) return;
  const swapped = isLatitude(lon) && isLongitude(lat) ? "; they look swapped: the order is lat, then lon" : "";
  throw new QuadtreeError(
    "INVALID_COORDINATES",
    `lat must be a number from -90 to 90 and lon a number from -180 to 180, got lat ${show(lat)}, lon ${show(lon)}${swapped}`,
  );
}

function assertDistance(name: string, metres: unknown): void {
  if (typeof metres !== "number" || !(metres >= 0)) {
    throw new QuadtreeError(
      "INVALID_RADIUS",
      `${name} must be a number of metres, 0 or more (Infinity for no limit), got ${show(metres)}`,
    );
  }
}

function show(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}
