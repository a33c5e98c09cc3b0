import { PointIndex } from "./point-index";

/**
 * The riders no driver was in reach for, in the order they asked. Their pickups are in a spatial
 * index of their own, so a driver who becomes available finds the riders in reach without reading
 * the whole line: during a surge the line is thousands long, and every location update of an
 * available driver asks it.
 */
export class WaitingLine {
  private readonly pickups = new PointIndex();
  /** Each waiting rider's place in line: a number that only grows. A Map keeps them in that order. */
  private readonly places = new Map<string, number>();
  private nextPlace = 0;

  add(riderId: string, lat: number, lon: number): void {
    this.places.set(riderId, this.nextPlace++);
    this.pickups.insert(riderId, lat, lon);
  }

  remove(riderId: string): void {
    this.places.delete(riderId);
    this.pickups.remove(riderId);
  }

  /** The riders, the one who has waited longest first. */
  riders(): string[] {
    return [...this.places.keys()];
  }

  /** The rider who has waited longest among those whose pickup is in reach of (lat, lon). */
  longestWaitingWithin(lat: number, lon: number, radiusMetres: number): string | undefined {
    let first: string | undefined;
    let firstPlace = Number.POSITIVE_INFINITY;
    this.pickups.forEachWithin(lat, lon, radiusMetres, (riderId) => {
      const place = this.places.get(riderId) as number;
      if (place < firstPlace) {
        first = riderId;
        firstPlace = place;
      }
    });
    return first;
  }
}
