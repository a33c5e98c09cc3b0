/**
 * The mistake: the search box of a flat map. Its longitudes are lon ± d / cos(lat), wrapped at the
 * antimeridian but never widened to every longitude when the circle reaches over a pole, so a
 * point a few kilometres away on the far side of the pole (180° of longitude away) is never looked
 * at. Only a cos(lat) near 0 hides it, by making the box wider than the world.
 */
import { EARTH_RADIUS_METRES, RADIANS_PER_DEGREE } from "../../src/geo";
import type { CapBox } from "../../src/cap-box";

export type { CapBox } from "../../src/cap-box";

export function capBox(lat: number, lon: number, radiusMetres: number): CapBox {
  const degrees = radiusMetres / EARTH_RADIUS_METRES / RADIANS_PER_DEGREE + 1e-7;
  const south = Math.max(-90, lat - degrees);
  const north = Math.min(90, lat + degrees);
  const halfWidth = degrees / Math.cos(lat * RADIANS_PER_DEGREE);
  if (halfWidth >= 180) return { south, north, west: -180, east: 180, west2: 1, east2: 0 };
  const west = lon - halfWidth;
  const east = lon + halfWidth;
  if (west < -180) return { south, north, west: west + 360, east: 180, west2: -180, east2: east };
  if (east > 180) return { south, north, west, east: 180, west2: -180, east2: east - 360 };
  return { south, north, west, east, west2: 1, east2: 0 };
}
