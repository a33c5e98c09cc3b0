/**
 * How the matcher is measured: a dispatcher's day in twenty cities. Drivers and riders are placed
 * 5,000 drivers per city, in a bell curve 8 km wide around each city's centre (./fleet), and the
 * radius is the default 5 km. Two moments matter: an ordinary hour, when every request finds a
 * driver among a hundred thousand available ones, and a surge, when every driver is busy, thousands
 * of riders wait, and each driver who drops a rider off must find the rider who has waited longest
 * near it.
 */
import { defineBench } from "#kata/bench";
import { cityPositions, type Positions } from "./fleet";
import type * as Api from "./src/ride-matching";

type RideMatchingApi = typeof Api;
type Matcher = InstanceType<RideMatchingApi["RideMatcher"]>;

const PER_CITY = 5_000;
const TRIPS = 4_096;

function idsOf(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
}

function onlineFleet(api: RideMatchingApi, drivers: number, seed: number): Matcher {
  const matcher = new api.RideMatcher();
  const at = cityPositions(drivers, drivers / PER_CITY, seed);
  const ids = idsOf("driver", drivers);
  for (let i = 0; i < drivers; i++) matcher.goOnline(ids[i] as string, at.lats[i] as number, at.lons[i] as number);
  return matcher;
}

/**
 * One ride: a request matched to the nearest of the available drivers, the pick-up, and the
 * drop-off, which returns the driver to the available pool elsewhere in its city. The fleet stays
 * the same size from ride to ride.
 */
function rideCycles(api: RideMatchingApi, drivers: number): () => unknown {
  const cities = drivers / PER_CITY;
  const matcher = onlineFleet(api, drivers, 91);
  const pickups = cityPositions(TRIPS, cities, 92);
  const dropOffs = cityPositions(TRIPS, cities, 93);
  const riders = idsOf("rider", TRIPS);
  let next = 0;
  return () => {
    next = (next + 1) & (TRIPS - 1);
    const rider = riders[next] as string;
    const match = matcher.requestRide(rider, pickups.lats[next] as number, pickups.lons[next] as number);
    if (match === undefined) {
      matcher.cancelRide(rider);
      return 0;
    }
    matcher.pickUp(match.driverId);
    matcher.dropOff(match.driverId, dropOffs.lats[next] as number, dropOffs.lons[next] as number);
    return match.distanceMetres;
  };
}

/**
 * A surge: 2,000 drivers, all busy, and 10,000 riders waiting (500 per city). One step: a driver
 * drops its rider off and takes the rider who has waited longest in reach of the drop-off, and the
 * rider just dropped off asks for another ride and joins the back of the line.
 */
function surge(api: RideMatchingApi): () => unknown {
  const cities = 20;
  const waiting = 10_000;
  const drivers = 2_000;
  const matcher = new api.RideMatcher();
  const line = cityPositions(waiting + drivers, cities, 94);
  const riders = idsOf("rider", waiting + drivers);
  for (let i = 0; i < riders.length; i++)
    matcher.requestRide(riders[i] as string, line.lats[i] as number, line.lons[i] as number);
  const driverIds = idsOf("driver", drivers);
  const start = cityPositions(drivers, cities, 95);
  for (let i = 0; i < drivers; i++) {
    const id = driverIds[i] as string;
    if (matcher.goOnline(id, start.lats[i] as number, start.lons[i] as number) !== undefined) matcher.pickUp(id);
  }
  const places: Positions = cityPositions(TRIPS, cities, 96);
  const asks: Positions = cityPositions(TRIPS, cities, 97);
  let next = 0;
  let driver = 0;
  return () => {
    next = (next + 1) & (TRIPS - 1);
    driver = (driver + 1) % drivers;
    const id = driverIds[driver] as string;
    const lat = places.lats[next] as number;
    const lon = places.lons[next] as number;
    let rider: string | undefined;
    let match: Api.Match | undefined;
    if (matcher.driverState(id) === "on-trip") {
      rider = matcher.riderOf(id);
      match = matcher.dropOff(id, lat, lon);
    } else {
      match = matcher.updateLocation(id, lat, lon);
    }
    if (match !== undefined) matcher.pickUp(id);
    if (rider === undefined) return match;
    const again = matcher.requestRide(rider, asks.lats[next] as number, asks.lons[next] as number);
    if (again !== undefined) matcher.pickUp(again.driverId);
    return again ?? match;
  };
}

export default defineBench<RideMatchingApi>({
  workloads: [
    {
      kind: "throughput",
      name: "rides, 100k drivers",
      unit: "rides",
      setup: (api) => rideCycles(api, 100_000),
    },
    {
      kind: "throughput",
      name: "surge, 10k riders waiting",
      unit: "drop-offs",
      setup: (api) => surge(api),
    },
    {
      kind: "scaling",
      name: "scaling, 10k to 100k drivers",
      unit: "rides",
      small: { label: "10,000 drivers in 2 cities", setup: (api) => rideCycles(api, 10_000) },
      large: { label: "100,000 drivers in 20 cities", setup: (api) => rideCycles(api, 100_000) },
    },
  ],
});
