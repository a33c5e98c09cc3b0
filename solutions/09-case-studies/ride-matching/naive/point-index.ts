/**
 * The naive index: correct, and slow where it counts. It replaces only the reference's spatial
 * index with a Map of positions, so every search measures every point: a request among 100,000
 * available drivers costs 100,000 haversines, where the reference's quadtree measures a few dozen
 * near the pickup; and a driver freed during a surge reads the whole waiting line. Inserts, moves
 * and removals are O(1), as in the reference, and the matching rules are the reference's.
 */
import * as closer from "../src/closer";
import * as geo from "../src/geo";
import type { Nearest, Visit } from "../src/point-index";
import * as reach from "../src/reach";

// Bound once, as in the reference: the scan calls these for every point.
const { beats } = closer;
const { haversineMetres } = geo;
const { inReach } = reach;

export type { Nearest, Visit } from "../src/point-index";

interface Point {
  lat: number;
  lon: number;
}

export class PointIndex {
  private readonly points = new Map<string, Point>();

  insert(id: string, lat: number, lon: number): void {
    this.points.set(id, { lat, lon });
  }

  move(id: string, lat: number, lon: number): void {
    const point = this.points.get(id) as Point;
    point.lat = lat;
    point.lon = lon;
  }

  remove(id: string): void {
    this.points.delete(id);
  }

  forEachWithin(lat: number, lon: number, radiusMetres: number, visit: Visit): void {
    for (const [id, point] of this.points) {
      const distanceMetres = haversineMetres(lat, lon, point.lat, point.lon);
      if (inReach(distanceMetres, radiusMetres)) visit(id, distanceMetres);
    }
  }

  nearestWithin(lat: number, lon: number, radiusMetres: number): Nearest | undefined {
    let id = "";
    let best = Number.POSITIVE_INFINITY;
    this.forEachWithin(lat, lon, radiusMetres, (candidate, distanceMetres) => {
      if (beats(distanceMetres, candidate, best, id)) {
        id = candidate;
        best = distanceMetres;
      }
    });
    return id === "" ? undefined : { id, distanceMetres: best };
  }
}
