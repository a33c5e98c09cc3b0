/**
 * Great-circle distance on a spherical Earth (given code). Every part of the exercise, the tests'
 * brute-force search included, measures distance with this one function, so "within r metres"
 * means exactly `haversineMetres(...) <= r`, to the last bit: use it, do not rewrite it.
 */

/** The sphere's radius: the Earth's mean radius, as geokdbush and most ride-hailing code use. */
export const EARTH_RADIUS_METRES = 6_371_000;

/** No two points on the sphere are farther apart than half its circumference, about 20,015 km. */
export const MAX_DISTANCE_METRES = Math.PI * EARTH_RADIUS_METRES;

export const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * The great-circle distance in metres from (lat1, lon1) to (lat2, lon2), in degrees, by the
 * haversine formula:
 *
 *   a = sin²(Δlat / 2) + cos(lat1) · cos(lat2) · sin²(Δlon / 2)
 *   distance = 2 · R · asin(√a)
 *
 * Longitudes may differ by more than 180°: sin²(Δlon / 2) is the same for Δlon and Δlon ± 360°,
 * so (0, 179.9) and (0, -179.9) are 22 km apart, not 40,000. A search measures from its centre:
 * `haversineMetres(centreLat, centreLon, point.lat, point.lon)`.
 *
 * @example
 * haversineMetres(51.5074, -0.1278, 48.8566, 2.3522) // London to Paris: about 343,556 m
 * haversineMetres(0, 179.9, 0, -179.9)               // across the antimeridian: about 22,239 m
 */
export function haversineMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const sinHalfLat = Math.sin(((lat2 - lat1) * RADIANS_PER_DEGREE) / 2);
  const sinHalfLon = Math.sin(((lon2 - lon1) * RADIANS_PER_DEGREE) / 2);
  const a =
    sinHalfLat * sinHalfLat +
    Math.cos(lat1 * RADIANS_PER_DEGREE) * Math.cos(lat2 * RADIANS_PER_DEGREE) * sinHalfLon * sinHalfLon;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(Math.min(1, a)));
}
