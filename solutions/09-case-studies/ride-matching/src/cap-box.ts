import { EARTH_RADIUS_METRES, RADIANS_PER_DEGREE } from "./geo";

/**
 * A lat/lon box that holds every point within a radius of a centre: the "spherical cap" of that
 * radius. Longitudes form one range, [west, east], or two when the cap crosses the antimeridian
 * ([west, 180] and [-180, east2]); `west2 > east2` marks the second range as empty.
 */
export interface CapBox {
  readonly south: number;
  readonly north: number;
  readonly west: number;
  readonly east: number;
  readonly west2: number;
  readonly east2: number;
}

/**
 * Widens every cap by 1e-9 radians (6 mm), far more than the rounding error of the haversine
 * formula or of this box, so a point at exactly the radius is never cut off by rounding. Points
 * in the margin are still measured, and dropped when they are out of range.
 */
const MARGIN_RADIANS = 1e-9;

/**
 * The box around the cap of `radiusMetres` centred on (lat, lon):
 *
 * - latitudes: lat ± d, where d = radius / R is the cap's angle, in degrees;
 * - if that band reaches a pole, the cap contains the pole and so every longitude;
 * - otherwise longitudes: lon ± asin(sin d / cos lat). The widest point of a cap is not at the
 *   centre's latitude but nearer the pole, which is why this is not simply d / cos lat;
 * - a range that runs past ±180 wraps around to the other side of the antimeridian (at exactly
 *   -180 too: a point stored at lon 180 is on that meridian).
 *
 * The latitudes are left as they are past ±90; no cell lies out there, so nothing is lost.
 */
export function capBox(lat: number, lon: number, radiusMetres: number): CapBox {
  const angle = radiusMetres / EARTH_RADIUS_METRES + MARGIN_RADIANS;
  const angleDegrees = angle / RADIANS_PER_DEGREE;
  const south = lat - angleDegrees;
  const north = lat + angleDegrees;
  if (south <= -90 || north >= 90) return { south, north, west: -180, east: 180, west2: 1, east2: 0 };
  const halfWidth = Math.asin(Math.sin(angle) / Math.cos(lat * RADIANS_PER_DEGREE)) / RADIANS_PER_DEGREE;
  const west = lon - halfWidth;
  const east = lon + halfWidth;
  if (west <= -180) return { south, north, west: west + 360, east: 180, west2: -180, east2: east };
  if (east >= 180) return { south, north, west, east: 180, west2: -180, east2: east - 360 };
  return { south, north, west, east, west2: 1, east2: 0 };
}
