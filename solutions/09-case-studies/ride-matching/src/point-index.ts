import { capBox, type CapBox } from "./cap-box";
import { removeEntry } from "./cell-merge";
import { insertEntry } from "./cell-split";
import { Entry, worldCell, type Cell } from "./cells";
import * as closer from "./closer";
import * as geo from "./geo";
import * as reach from "./reach";
import { moveEntry } from "./relocate";

// Bound once: the search loops call these for every point they measure.
const { beats } = closer;
const { haversineMetres } = geo;
const { inReach } = reach;

/** A leaf splits past 4 points, so even a street's drivers fill cells; cells stop at depth 20 (19 m high). */
const LEAF_CAPACITY = 4;
const MAX_DEPTH = 20;
/** Where a nearest search starts: about the spacing of drivers in a busy city centre. */
const FIRST_RADIUS_METRES = 250;

/** What a search visits: a point's id and its distance from the search's centre. */
export type Visit = (id: string, distanceMetres: number) => void;

/** The nearest point a search found, or undefined. */
export interface Nearest {
  readonly id: string;
  readonly distanceMetres: number;
}

/**
 * Points by id on the globe: a quadtree (the search track's), with the antimeridian and the poles
 * handled. The matcher keeps two: the available drivers, and the waiting riders' pickups. Insert,
 * move and remove are O(depth); a move that stays in its leaf is O(1). Searches visit only the
 * cells that overlap the box around the circle, and measure each of their points with
 * haversineMetres.
 */
export class PointIndex {
  private readonly root: Cell = worldCell();
  private readonly entries = new Map<string, Entry>();

  insert(id: string, lat: number, lon: number): void {
    const entry = new Entry(id, lat, lon, this.root);
    insertEntry(this.root, entry, LEAF_CAPACITY, MAX_DEPTH);
    this.entries.set(id, entry);
  }

  move(id: string, lat: number, lon: number): void {
    moveEntry(this.root, this.entries.get(id) as Entry, lat, lon, LEAF_CAPACITY, MAX_DEPTH);
  }

  remove(id: string): void {
    removeEntry(this.entries.get(id) as Entry, LEAF_CAPACITY);
    this.entries.delete(id);
  }

  /** Calls `visit` for every point in reach of (lat, lon) within `radiusMetres`, in no set order. */
  forEachWithin(lat: number, lon: number, radiusMetres: number, visit: Visit): void {
    const box = capBox(lat, lon, radiusMetres);
    const pending: Cell[] = [this.root];
    for (let cell = pending.pop(); cell !== undefined; cell = pending.pop()) {
      if (!overlaps(cell, box)) continue;
      if (cell.children !== null) {
        for (const child of cell.children) pending.push(child);
        continue;
      }
      for (const entry of cell.entries) {
        const distanceMetres = haversineMetres(lat, lon, entry.lat, entry.lon);
        if (inReach(distanceMetres, radiusMetres)) visit(entry.id, distanceMetres);
      }
    }
  }

  /**
   * The point nearest to (lat, lon) within `radiusMetres`, ties by id; undefined when none is.
   * Searches a 250 m circle first (in a city centre it holds a few drivers) and doubles it up to
   * the radius until it holds a point: the nearest in a circle is the nearest of all, since every
   * point outside is farther than the circle's radius.
   */
  nearestWithin(lat: number, lon: number, radiusMetres: number): Nearest | undefined {
    let id = "";
    let best = Number.POSITIVE_INFINITY;
    const keepBest: Visit = (candidate, distanceMetres) => {
      if (beats(distanceMetres, candidate, best, id)) {
        id = candidate;
        best = distanceMetres;
      }
    };
    for (let radius = Math.min(FIRST_RADIUS_METRES, radiusMetres); ; radius = Math.min(radius * 2, radiusMetres)) {
      this.forEachWithin(lat, lon, radius, keepBest);
      if (id !== "") return { id, distanceMetres: best };
      if (radius === radiusMetres) return undefined;
    }
  }
}

/** Whether the cell's box and the circle's box share a point (edges included). */
function overlaps(cell: Cell, box: CapBox): boolean {
  if (cell.north < box.south || cell.south > box.north) return false;
  return (cell.east >= box.west && cell.west <= box.east) || (cell.east >= box.west2 && cell.west <= box.east2);
}
