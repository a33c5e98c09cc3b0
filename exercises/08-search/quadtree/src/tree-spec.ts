/**
 * The parts of the quadtree fixed by the spec, so every tree agrees (given code): the options and
 * their defaults, and the shape of a search result.
 */

export interface QuadtreeOptions {
  /** The most points a leaf holds before it splits into four. A positive integer; 16 when omitted. */
  leafCapacity?: number;
  /**
   * The depth below which cells never split (the root is depth 0): an integer from 0 to 40; 20 when
   * omitted. A cell at depth 20 is 180 / 2^20 degrees of latitude high, about 19 m. Points at the
   * same coordinates can never be split apart, so a leaf at maxDepth holds as many as there are.
   */
  maxDepth?: number;
}

export const DEFAULT_LEAF_CAPACITY = 16;
export const DEFAULT_MAX_DEPTH = 20;
/** The deepest maxDepth allowed: a cell at depth 40 is about 0.02 mm high. */
export const MAX_DEPTH_LIMIT = 40;

/** Where a point is, in degrees: lat in [-90, 90], lon in [-180, 180]. */
export interface Position {
  readonly lat: number;
  readonly lon: number;
}

/** One point a search found: its id, where it is, and its haversine distance from the centre. */
export interface Neighbour {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  readonly distanceMetres: number;
}
