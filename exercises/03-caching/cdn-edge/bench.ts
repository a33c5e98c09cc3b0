/**
 * How the CDN is measured: 300 edge locations spread over the globe (seeded), 10,000 items whose
 * popularity follows Zipf's law, clients anywhere. Capacity is ample, so the work per request is
 * routing (finding the nearest edge) plus one cache lookup; that is where designs differ.
 */
import { defineBench, zipfIndexes } from "#kata/bench";
import { Prng } from "#kata/sim";
import type * as CdnModule from "./src/cdn";
import type { GeoPoint } from "./src/types";

type Api = Pick<typeof CdnModule, "Cdn">;

const random = new Prng(41);
/** Uniform on the sphere: latitude from asin of a uniform in [-1, 1]. */
const somewhere = (): GeoPoint => ({
  lat: (Math.asin(2 * random.next() - 1) * 180) / Math.PI,
  lon: 360 * random.next() - 180,
});
const EDGES = Array.from({ length: 300 }, (_, i) => ({
  id: `pop-${i}`,
  location: somewhere(),
  cacheItems: 500,
  maxRequestsPerSecond: 1e9,
}));
const CLIENTS = Array.from({ length: 4_096 }, somewhere);
const ITEMS = zipfIndexes(1 << 16, 10_000, 1, 42);
const NAMES = Array.from({ length: 10_000 }, (_, i) => `video:${i}`);

function traffic(api: Api): () => unknown {
  const cdn = new api.Cdn({ edges: EDGES, origin: { fetch: (id) => 1_000 + id.length }, clock: () => 0 });
  let i = 0;
  return () => {
    i = (i + 1) & 0xffff;
    return cdn.request(NAMES[ITEMS[i] as number] as string, CLIENTS[i & 4_095] as GeoPoint).bytes;
  };
}

export default defineBench<Api>({
  workloads: [{ kind: "throughput", name: "requests across 300 edges", unit: "requests", setup: traffic }],
});
