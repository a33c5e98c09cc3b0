/**
 * How the balancer is measured. A global balancer answers every request (or every DNS query) for
 * a whole service, while the figures it decides on change every few seconds: health checks and
 * load reports arrive far less often than requests. The workload routes requests from 30 user
 * locations, a quarter of them each unrestricted, EU-only, US-only and EU-or-UK, over 300 regions,
 * and one region reports a new load every 2,000 requests. A balancer that scores all 300 regions
 * for every request does about 50 times the work of one that keeps its answers until something
 * changes.
 */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/global-load-balancer";

const REGIONS = 300;
const LOCATIONS = 30;
const REQUESTS_PER_CHANGE = 2_000;
const JURISDICTIONS = ["EU", "US", "UK"] as const;
const ALLOWED: readonly (readonly string[] | undefined)[] = [undefined, ["EU"], ["US"], ["EU", "UK"]];

/** Deterministic figures: spread out by index arithmetic, so both sides see the same world. */
function regions(): Api.Region[] {
  const locations = Array.from({ length: LOCATIONS }, (_, l) => `loc-${l}`);
  return Array.from({ length: REGIONS }, (_, r) => ({
    id: `cloud-${r % 3}:region-${r}`,
    jurisdiction: JURISDICTIONS[r % 3] as string,
    latencyMs: Object.fromEntries(locations.map((location, l) => [location, 5 + ((r * 37 + l * 101) % 280)])),
    capacity: 1_000 + (r % 7) * 500,
    load: (r * 53) % 900,
    costPerMillion: 1 + (r % 11) * 0.25,
    availability: [0.99, 0.999, 0.9995, 0.9999][r % 4] as number,
    healthy: r % 17 !== 0,
  }));
}

function routing(api: typeof Api): () => unknown {
  const balancer = new api.GlobalLoadBalancer(regions(), { clock: { now: () => 0 } });
  const requests: Api.RouteRequest[] = [];
  for (let i = 0; i < 4_096; i++) {
    const allowed = ALLOWED[i % ALLOWED.length];
    const location = `loc-${(i * 7) % LOCATIONS}`;
    requests.push(allowed === undefined ? { location } : { location, allowedJurisdictions: allowed });
  }
  let i = 0;
  return () => {
    i += 1;
    if (i % REQUESTS_PER_CHANGE === 0) {
      const r = (i / REQUESTS_PER_CHANGE) % REGIONS;
      balancer.update(`cloud-${r % 3}:region-${r}`, { load: (i / REQUESTS_PER_CHANGE) % 2 === 0 ? 100 : 700 });
    }
    return balancer.route(requests[i & 4_095] as Api.RouteRequest);
  };
}

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "routing decisions, 300 regions, a load report every 2,000 requests",
      unit: "decisions",
      setup: routing,
    },
  ],
});
