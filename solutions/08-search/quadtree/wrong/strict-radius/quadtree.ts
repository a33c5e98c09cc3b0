/**
 * The mistake: "within r" read as strictly less than r. A driver at exactly the radius (a rider's
 * own geofence edge, a point placed there by a test) is left out.
 */
import { Quadtree as Reference, type Neighbour } from "../../src/quadtree";

export { DEFAULT_LEAF_CAPACITY, DEFAULT_MAX_DEPTH, MAX_DEPTH_LIMIT } from "../../src/quadtree";
export type { Neighbour, Position, QuadtreeOptions } from "../../src/quadtree";

export class Quadtree extends Reference {
  override within(lat: number, lon: number, radiusMetres: number): Neighbour[] {
    return super.within(lat, lon, radiusMetres).filter((found) => found.distanceMetres < radiusMetres);
  }
}
