/**
 * Points on the sphere. Latitude and longitude are not a plane (178 W and 175 E are 7 degrees
 * apart), so a point is kept as a unit vector: the nearer of two points is the one whose vector has
 * the larger dot product with yours, three multiply-adds and no trigonometry.
 */
import { CdnError } from "./errors";
import { EARTH_RADIUS_KM, type GeoPoint } from "./types";

export interface UnitVector {
  x: number;
  y: number;
  z: number;
}

export function toUnitVector(point: GeoPoint): UnitVector {
  const lat = (point.lat * Math.PI) / 180;
  const lon = (point.lon * Math.PI) / 180;
  return { x: Math.cos(lat) * Math.cos(lon), y: Math.cos(lat) * Math.sin(lon), z: Math.sin(lat) };
}

export function dot(a: UnitVector, b: UnitVector): number {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

/**
 * Great-circle distance between two unit vectors, in km. The atan2 form: accurate near 0 and near pi,
 * where acos is not.
 */
export function distanceKm(a: UnitVector, b: UnitVector): number {
  const cx = a.y * b.z - a.z * b.y;
  const cy = a.z * b.x - a.x * b.z;
  const cz = a.x * b.y - a.y * b.x;
  return EARTH_RADIUS_KM * Math.atan2(Math.hypot(cx, cy, cz), dot(a, b));
}

export function checkPoint(point: GeoPoint, what: string): void {
  const ok =
    typeof point?.lat === "number" &&
    typeof point.lon === "number" &&
    point.lat >= -90 &&
    point.lat <= 90 &&
    point.lon >= -180 &&
    point.lon <= 180;
  if (!ok) {
    throw new CdnError(
      "INVALID_COORDINATES",
      `${what} needs latitude in [-90, 90] and longitude in [-180, 180] degrees, got ${JSON.stringify(point)}; check the order (lat, lon) and the units`,
    );
  }
}
