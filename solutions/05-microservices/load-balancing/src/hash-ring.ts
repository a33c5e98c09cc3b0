import { hash32 } from "#kata/hash32";
import type { Backend, Strategy } from "./backend";

interface Point {
  readonly position: number;
  readonly backend: Backend;
}

/**
 * Consistent hashing: `virtualNodes` points per backend on a 32-bit ring, at hash32("<id>#<i>").
 * A key goes to the first point at or after hash32(key), wrapping past the top; if that point's
 * backend is down, to the next point clockwise whose backend is up. So a removal moves only the
 * removed backend's keys, and a backend that comes back gets exactly its keys back.
 */
export class HashRing implements Strategy {
  private points: Point[] = [];

  constructor(private readonly virtualNodes: number) {}

  added(backend: Backend): void {
    for (let i = 0; i < this.virtualNodes; i++) this.points.push({ position: hash32(`${backend.id}#${i}`), backend });
    // Equal positions are ordered by backend id, so the ring does not depend on the order of adds.
    this.points.sort((a, b) => a.position - b.position || (a.backend.id < b.backend.id ? -1 : 1));
  }

  removed(backend: Backend): void {
    this.points = this.points.filter((point) => point.backend !== backend);
  }

  choose(_backends: readonly Backend[], key: string | undefined): Backend | undefined {
    const points = this.points;
    const n = points.length;
    if (n === 0) return undefined;
    const start = lowerBound(points, hash32(key as string)) % n;
    for (let step = 0; step < n; step++) {
      const backend = (points[(start + step) % n] as Point).backend;
      if (backend.healthy) return backend;
    }
    return undefined;
  }
}

/** The index of the first point at or after `position` (n when there is none). */
function lowerBound(points: readonly Point[], position: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((points[mid] as Point).position < position) low = mid + 1;
    else high = mid;
  }
  return low;
}
