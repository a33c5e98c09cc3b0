/**
 * Wrong: a driver who becomes available takes the nearest waiting rider in reach, not the one who
 * has waited longest, so a rider at the edge of every driver's reach can wait forever while
 * newcomers nearer the cars jump the line.
 */
import { PointIndex } from "../../src/point-index";

export class WaitingLine {
  private readonly pickups = new PointIndex();
  private readonly places = new Set<string>();

  add(riderId: string, lat: number, lon: number): void {
    this.places.add(riderId);
    this.pickups.insert(riderId, lat, lon);
  }

  remove(riderId: string): void {
    this.places.delete(riderId);
    this.pickups.remove(riderId);
  }

  riders(): string[] {
    return [...this.places];
  }

  longestWaitingWithin(lat: number, lon: number, radiusMetres: number): string | undefined {
    return this.pickups.nearestWithin(lat, lon, radiusMetres)?.id;
  }
}
