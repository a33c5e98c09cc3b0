/**
 * How the quadtree is measured: the location service of a ride-hailing app. Riders ask for the
 * drivers within 2 km or for the 5 nearest; drivers report a new position every few seconds. The
 * drivers are 5,000 per city, in a bell curve 8 km wide around each city's centre (./fleet), and
 * riders are spread the same way, so a rider's 2 km search finds about 80 drivers on average.
 */
import { defineBench } from "#kata/bench";
import { Prng } from "#kata/sim";
import { cityPositions, driverIds, type Positions } from "./fleet";
import { kdbushPeer, type QuadtreeApi } from "./peers";

const RADIUS_METRES = 2_000;
const PER_CITY = 5_000;
const RIDERS = 4_096;

/** A tree of `drivers` drivers over drivers / 5,000 cities. */
function fleetOf(
  api: QuadtreeApi,
  drivers: number,
  seed: number,
): { tree: InstanceType<QuadtreeApi["Quadtree"]>; at: Positions } {
  const tree = new api.Quadtree();
  const at = cityPositions(drivers, drivers / PER_CITY, seed);
  const ids = driverIds(drivers);
  for (let i = 0; i < drivers; i++) tree.insert(ids[i] as string, at.lats[i] as number, at.lons[i] as number);
  return { tree, at };
}

function radiusLoop(api: QuadtreeApi, drivers: number): () => unknown {
  const { tree } = fleetOf(api, drivers, 81);
  const riders = cityPositions(RIDERS, drivers / PER_CITY, 82);
  let next = 0;
  return () => {
    next = (next + 1) & (RIDERS - 1);
    return tree.within(riders.lats[next] as number, riders.lons[next] as number, RADIUS_METRES).length;
  };
}

function nearestLoop(api: QuadtreeApi, drivers: number): () => unknown {
  const { tree } = fleetOf(api, drivers, 81);
  const riders = cityPositions(RIDERS, drivers / PER_CITY, 83);
  let next = 0;
  return () => {
    next = (next + 1) & (RIDERS - 1);
    return tree.nearest(riders.lats[next] as number, riders.lons[next] as number, 5)[0];
  };
}

/**
 * One dispatch step: 100 location updates (each a driver's step of about 15 m), then one rider's
 * 2 km search. Ride-hailing writes far more than it reads (50,000 updates a second against about
 * 115 ride requests, in the usual estimate), so a static index rebuilt per search falls far behind.
 */
function dispatchLoop(api: QuadtreeApi, drivers: number): () => unknown {
  const { tree, at } = fleetOf(api, drivers, 81);
  const ids = driverIds(drivers);
  const riders = cityPositions(RIDERS, drivers / PER_CITY, 84);
  const random = new Prng(85);
  const who = Uint32Array.from({ length: 1 << 16 }, () => random.nextUint32() % drivers);
  const step = Float64Array.from({ length: 1 << 17 }, () => (random.next() - 0.5) * 0.0003);
  let update = 0;
  let rider = 0;
  return () => {
    for (let n = 0; n < 100; n++) {
      const i = who[update & 0xffff] as number;
      const lat = Math.max(-90, Math.min(90, (at.lats[i] as number) + (step[(2 * update) & 0x1ffff] as number)));
      let lon = (at.lons[i] as number) + (step[(2 * update + 1) & 0x1ffff] as number);
      if (lon > 180) lon -= 360;
      else if (lon < -180) lon += 360;
      at.lats[i] = lat;
      at.lons[i] = lon;
      tree.move(ids[i] as string, lat, lon);
      update++;
    }
    rider = (rider + 1) & (RIDERS - 1);
    return tree.within(riders.lats[rider] as number, riders.lons[rider] as number, RADIUS_METRES).length;
  };
}

export default defineBench<QuadtreeApi>({
  workloads: [
    {
      kind: "throughput",
      name: "radius 2 km, 100k drivers",
      unit: "searches",
      setup: (api) => radiusLoop(api, 100_000),
    },
    {
      kind: "throughput",
      name: "nearest 5, 100k drivers",
      unit: "searches",
      setup: (api) => nearestLoop(api, 100_000),
    },
    {
      kind: "throughput",
      name: "100 moves and a search, 100k drivers",
      unit: "dispatch steps",
      setup: (api) => dispatchLoop(api, 100_000),
    },
    {
      kind: "scaling",
      name: "scaling, 10k to 100k drivers",
      unit: "searches",
      small: { label: "10,000 drivers in 2 cities", setup: (api) => radiusLoop(api, 10_000) },
      large: { label: "100,000 drivers in 20 cities", setup: (api) => radiusLoop(api, 100_000) },
    },
  ],
  peers: [{ name: "kdbush 4 + geokdbush 2 (static)", api: kdbushPeer }],
});
