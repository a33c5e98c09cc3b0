/**
 * Seeded driver and rider positions around real cities (given code, for the bench and the tests).
 * Each city's points fall in a bell curve around its centre, 8 km wide (one standard deviation),
 * so most of a city's drivers are within 20 km of its centre, as in a ride-hailing market.
 */
import { Prng } from "#kata/sim";

export interface City {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}

/** Twenty markets; Suva sits 1.6° from the antimeridian and Longyearbyen 11.8° from the pole. */
export const CITIES: readonly City[] = [
  { name: "London", lat: 51.5074, lon: -0.1278 },
  { name: "New York", lat: 40.7128, lon: -74.006 },
  { name: "São Paulo", lat: -23.5505, lon: -46.6333 },
  { name: "Tokyo", lat: 35.6762, lon: 139.6503 },
  { name: "Mumbai", lat: 19.076, lon: 72.8777 },
  { name: "Lagos", lat: 6.5244, lon: 3.3792 },
  { name: "Sydney", lat: -33.8688, lon: 151.2093 },
  { name: "Mexico City", lat: 19.4326, lon: -99.1332 },
  { name: "Cairo", lat: 30.0444, lon: 31.2357 },
  { name: "Jakarta", lat: -6.2088, lon: 106.8456 },
  { name: "Seoul", lat: 37.5665, lon: 126.978 },
  { name: "Istanbul", lat: 41.0082, lon: 28.9784 },
  { name: "Los Angeles", lat: 34.0522, lon: -118.2437 },
  { name: "Buenos Aires", lat: -34.6037, lon: -58.3816 },
  { name: "Moscow", lat: 55.7558, lon: 37.6173 },
  { name: "Singapore", lat: 1.3521, lon: 103.8198 },
  { name: "Paris", lat: 48.8566, lon: 2.3522 },
  { name: "Toronto", lat: 43.6532, lon: -79.3832 },
  { name: "Suva", lat: -18.1416, lon: 178.4419 },
  { name: "Longyearbyen", lat: 78.2232, lon: 15.6267 },
];

/** Positions as parallel arrays: point i is (lats[i], lons[i]). */
export interface Positions {
  readonly lats: Float64Array;
  readonly lons: Float64Array;
}

const METRES_PER_DEGREE = 111_195;
const SPREAD_METRES = 8_000;

/** `count` positions spread evenly over the first `cityCount` cities, the same for a given seed. */
export function cityPositions(count: number, cityCount: number, seed: number): Positions {
  const random = new Prng(seed);
  const lats = new Float64Array(count);
  const lons = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const city = CITIES[i % cityCount] as City;
    const [north, east] = gaussianPair(random);
    const lat = city.lat + (north * SPREAD_METRES) / METRES_PER_DEGREE;
    const lon = city.lon + (east * SPREAD_METRES) / (METRES_PER_DEGREE * Math.cos((city.lat * Math.PI) / 180));
    lats[i] = Math.max(-90, Math.min(90, lat));
    lons[i] = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
  }
  return { lats, lons };
}

/** Driver ids as the bench and the tests use them: "driver-0", "driver-1", ... */
export function driverIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `driver-${i}`);
}

/** Two independent standard normal draws (Box-Muller). */
function gaussianPair(random: Prng): [number, number] {
  const u = 1 - random.next();
  const v = random.next();
  const r = Math.sqrt(-2 * Math.log(u));
  return [r * Math.cos(2 * Math.PI * v), r * Math.sin(2 * Math.PI * v)];
}
