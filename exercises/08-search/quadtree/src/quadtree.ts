import { notImplemented } from "#kata";
import { QuadtreeError } from "./errors";
import { haversineMetres, MAX_DISTANCE_METRES } from "./geo";
import {
  DEFAULT_LEAF_CAPACITY,
  DEFAULT_MAX_DEPTH,
  type Neighbour,
  type Position,
  type QuadtreeOptions,
} from "./tree-spec";
// QuadtreeError, haversineMetres and MAX_DISTANCE_METRES are what the finished tree is built from.

export { DEFAULT_LEAF_CAPACITY, DEFAULT_MAX_DEPTH, MAX_DEPTH_LIMIT } from "./tree-spec";
export type { Neighbour, Position, QuadtreeOptions } from "./tree-spec";

/**
 * A point quadtree over the whole globe, for "which drivers are within 2 km of this rider?".
 *
 * Points have string ids and positions in degrees. The tree divides the world into cells:
 *
 * - The root cell is every position, lat [-90, 90] x lon [-180, 180], at depth 0.
 * - A cell splits into four at its midpoints, midLat = (south + north) / 2 and
 *   midLon = (west + east) / 2. A point goes to the northern half when lat >= midLat and to the
 *   eastern half when lon >= midLon, so a point on a split line belongs to the cell north or east
 *   of it, and points at lat 90 or lon 180 to the cells along the world's edge.
 * - A leaf splits as soon as it holds more than `leafCapacity` points, unless it is at `maxDepth`;
 *   an inner cell whose points number `leafCapacity` or fewer becomes one leaf again. So the shape
 *   of the tree depends only on where its points are, never on the order of the calls that put
 *   them there (`cellCount()` shows it).
 *
 * Searches are exact: `within` returns every point whose `haversineMetres` from the centre is at
 * most the radius, and no other, including across the antimeridian (lon 180 = lon -180) and over
 * the poles. Results are sorted by distance, ties by id.
 *
 * Errors are QuadtreeErrors (./errors.ts) with a code: see each method. A call that throws changes
 * nothing.
 */
export class Quadtree {
  /** The most points a leaf holds before it splits (unless it is at maxDepth). */
  readonly leafCapacity: number;
  /** The depth at which cells stop splitting; the root is depth 0. */
  readonly maxDepth: number;

  /**
   * @throws QuadtreeError INVALID_OPTIONS when leafCapacity is given and is not a positive integer
   *   (0, -1, 2.5, NaN), or maxDepth is given and is not an integer from 0 to 40.
   */
  constructor(options: QuadtreeOptions = {}) {
    this.leafCapacity = options.leafCapacity ?? DEFAULT_LEAF_CAPACITY;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    notImplemented("new Quadtree()");
  }

  /** How many points the tree holds. */
  get size(): number {
    return notImplemented("Quadtree.size");
  }

  /** Whether a point with this id is in the tree. */
  has(id: string): boolean {
    return notImplemented(`Quadtree.has(${JSON.stringify(id)})`);
  }

  /** Where the point is now, or undefined when the id is not in the tree. */
  position(id: string): Position | undefined {
    return notImplemented(`Quadtree.position(${JSON.stringify(id)})`);
  }

  /**
   * Adds a point. The leaf it lands in splits if it now holds more than leafCapacity points (and
   * is above maxDepth), and its children split in turn while they are over capacity.
   * @throws QuadtreeError INVALID_ID for an empty or non-string id; INVALID_COORDINATES for a lat
   *   outside [-90, 90] or a lon outside [-180, 180] (or NaN, or not a number); DUPLICATE_ID when
   *   the id is already there (move it instead).
   */
  insert(id: string, lat: number, lon: number): void {
    notImplemented(`Quadtree.insert(${JSON.stringify(id)}, ${lat}, ${lon})`);
  }

  /**
   * Moves a point to a new position: the hot write path, one call per driver every few seconds.
   * Afterwards the tree is exactly as if the point had been inserted there: searches find it at its
   * new position and never at its old one, and cells split or merge as the rules say.
   * @throws QuadtreeError INVALID_ID; INVALID_COORDINATES; UNKNOWN_ID when the id is not there.
   */
  move(id: string, lat: number, lon: number): void {
    notImplemented(`Quadtree.move(${JSON.stringify(id)}, ${lat}, ${lon})`);
  }

  /**
   * Takes a point out. A cell left with leafCapacity points or fewer in all its children becomes
   * one leaf again, so a tree that has emptied out is a single cell.
   * @throws QuadtreeError INVALID_ID; UNKNOWN_ID when the id is not there.
   */
  remove(id: string): void {
    notImplemented(`Quadtree.remove(${JSON.stringify(id)})`);
  }

  /**
   * Every point whose `haversineMetres(lat, lon, point.lat, point.lon)` is at most `radiusMetres`
   * (a point at exactly the radius is in), sorted by distance and then by id. This is the hot read
   * path: visit only the cells that can hold such a point, which is harder than it looks near the
   * poles and across the antimeridian. A radius of Infinity (or over MAX_DISTANCE_METRES) finds
   * every point.
   * @throws QuadtreeError INVALID_COORDINATES for the centre; INVALID_RADIUS for a negative, NaN or
   *   non-number radius.
   */
  within(lat: number, lon: number, radiusMetres: number): Neighbour[] {
    return notImplemented(`Quadtree.within(${lat}, ${lon}, ${radiusMetres})`);
  }

  /**
   * The `k` points nearest to (lat, lon), nearest first, ties by id; only points at most
   * `maxDistanceMetres` away (every point when it is omitted). Fewer than k when the tree (or the
   * maximum distance) holds fewer. The k nearest are not always in the centre's own cell: a point
   * just across a cell boundary can be nearer than any point inside it.
   * @throws QuadtreeError INVALID_COORDINATES; INVALID_K unless k is a positive integer;
   *   INVALID_RADIUS for a negative, NaN or non-number maxDistanceMetres.
   */
  nearest(lat: number, lon: number, k: number, maxDistanceMetres: number = Number.POSITIVE_INFINITY): Neighbour[] {
    return notImplemented(`Quadtree.nearest(${lat}, ${lon}, ${k}, ${maxDistanceMetres})`);
  }

  /**
   * How many cells the tree has, inner cells and leaves: 1 for an empty tree, and 4 more for each
   * split. Determined by the points alone (see the class comment), so two trees holding the same
   * positions report the same count, however they got there.
   */
  cellCount(): number {
    return notImplemented("Quadtree.cellCount");
  }
}
