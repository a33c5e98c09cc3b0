/**
 * The mistake: the search box stops at the edge of the map. Longitudes past 180 (or -180) are cut
 * off instead of wrapping round to the other side, so from Fiji at lon 179.99 the driver at
 * lon -179.99, 2 km east, is never looked at. The poles are handled (every longitude there).
 */
import { EARTH_RADIUS_METRES, RADIANS_PER_DEGREE } from "../../src/geo";
import type { CapBox } from "../../src/cap-box";

export type { CapBox } from "../../src/cap-box";

export function capBox(lat: number, lon: number, radiusMetres: number): CapBox {
  const angle = radiusMetres / EARTH_RADIUS_METRES + 1e-9;
  const degrees = angle / RADIANS_PER_DEGREE;
  const south = lat - degrees;
  const north = lat + degrees;
  if (south <= -90 || north >= 90) {
    return { south: Math.max(south, -90), north: Math.min(north, 90), west: -180, east: 180, west2: 1, east2: 0 };
  }
  const halfWidth = Math.asin(Math.sin(angle) / Math.cos(lat * RADIANS_PER_DEGREE)) / RADIANS_PER_DEGREE;
  return {
    south,
    north,
    west: Math.max(-180, lon - halfWidth),
    east: Math.min(180, lon + halfWidth),
    west2: 1,
    east2: 0,
  };
}
