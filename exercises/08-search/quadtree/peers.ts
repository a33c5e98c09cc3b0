/**
 * The npm libraries people reach for, behind this exercise's API, so `kata bench quadtree` can run
 * the same workloads on them (given code). kdbush 4 is a static k-d tree packed in typed arrays:
 * built once from all points, then queried by a lat/lon box, never changed. geokdbush 2 adds
 * great-circle k-nearest on top of it. A move or a removal can only mark the index stale, and the
 * next search rebuilds it from every point: the price of a static index on moving data.
 */
import KDBush from "kdbush";
import { around } from "geokdbush";
import { EARTH_RADIUS_METRES, haversineMetres, RADIANS_PER_DEGREE } from "./src/geo";
import type * as QuadtreeModule from "./src/quadtree";

export type QuadtreeApi = Pick<typeof QuadtreeModule, "Quadtree">;
type Neighbour = QuadtreeModule.Neighbour;

class KdbushIndex {
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly lats: number[] = [];
  private readonly lons: number[] = [];
  private index: KDBush | undefined;

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  position(id: string): QuadtreeModule.Position | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : { lat: this.lats[slot] as number, lon: this.lons[slot] as number };
  }

  insert(id: string, lat: number, lon: number): void {
    this.slots.set(id, this.ids.length);
    this.ids.push(id);
    this.lats.push(lat);
    this.lons.push(lon);
    this.index = undefined;
  }

  move(id: string, lat: number, lon: number): void {
    const slot = this.slots.get(id) as number;
    this.lats[slot] = lat;
    this.lons[slot] = lon;
    this.index = undefined;
  }

  remove(id: string): void {
    const slot = this.slots.get(id) as number;
    const last = this.ids.length - 1;
    const lastId = this.ids[last] as string;
    this.ids[slot] = lastId;
    this.lats[slot] = this.lats[last] as number;
    this.lons[slot] = this.lons[last] as number;
    this.slots.set(lastId, slot);
    this.slots.delete(id);
    this.ids.pop();
    this.lats.pop();
    this.lons.pop();
    this.index = undefined;
  }

  within(lat: number, lon: number, radiusMetres: number): Neighbour[] {
    const index = this.built();
    const degrees = radiusMetres / EARTH_RADIUS_METRES / RADIANS_PER_DEGREE;
    const south = Math.max(-90, lat - degrees);
    const north = Math.min(90, lat + degrees);
    const poleward = Math.max(Math.abs(south), Math.abs(north));
    // Wide enough at the band's poleward edge, so wide enough everywhere; all longitudes near a pole.
    const halfWidth = poleward >= 89.999 ? 180 : degrees / Math.cos(poleward * RADIANS_PER_DEGREE);
    const slots =
      halfWidth >= 180
        ? index.range(-180, south, 180, north)
        : lon - halfWidth < -180
          ? [
              ...index.range(-180, south, lon + halfWidth, north),
              ...index.range(lon - halfWidth + 360, south, 180, north),
            ]
          : lon + halfWidth > 180
            ? [
                ...index.range(lon - halfWidth, south, 180, north),
                ...index.range(-180, south, lon + halfWidth - 360, north),
              ]
            : index.range(lon - halfWidth, south, lon + halfWidth, north);
    const found: Neighbour[] = [];
    for (const slot of slots) {
      const distanceMetres = haversineMetres(lat, lon, this.lats[slot] as number, this.lons[slot] as number);
      if (distanceMetres <= radiusMetres) found.push(this.neighbour(slot, distanceMetres));
    }
    return found.sort((a, b) => a.distanceMetres - b.distanceMetres || (a.id < b.id ? -1 : 1));
  }

  nearest(lat: number, lon: number, k: number, maxDistanceMetres = Number.POSITIVE_INFINITY): Neighbour[] {
    const slots = around(this.built(), lon, lat, k, maxDistanceMetres / 1000);
    return slots.map((slot) =>
      this.neighbour(slot, haversineMetres(lat, lon, this.lats[slot] as number, this.lons[slot] as number)),
    );
  }

  cellCount(): number {
    return Math.max(1, Math.ceil(this.ids.length / this.built().nodeSize));
  }

  private neighbour(slot: number, distanceMetres: number): Neighbour {
    return {
      id: this.ids[slot] as string,
      lat: this.lats[slot] as number,
      lon: this.lons[slot] as number,
      distanceMetres,
    };
  }

  /** The static index, rebuilt from every point if anything changed since the last build. */
  private built(): KDBush {
    if (this.index === undefined) {
      const index = new KDBush(Math.max(1, this.ids.length));
      for (let i = 0; i < this.ids.length; i++) index.add(this.lons[i] as number, this.lats[i] as number);
      if (this.ids.length === 0) index.add(0, 0); // kdbush needs one item; slot 0 is never read
      this.index = index.finish();
    }
    return this.index;
  }
}

export const kdbushPeer: QuadtreeApi = { Quadtree: KdbushIndex as unknown as QuadtreeApi["Quadtree"] };
