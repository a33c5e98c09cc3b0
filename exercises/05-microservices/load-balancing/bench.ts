/**
 * How the balancer is measured. A load balancer picks a backend for every request it forwards,
 * so its cost is paid per request. The workload is least connections, the algorithm whose choice
 * depends on every backend's live count: 1,000 backends, 2,000 requests in flight, and each step
 * picks a backend for a new request and finishes the oldest one. Scanning all backends per pick
 * is correct and costs O(n); keeping them ordered by in-flight count costs O(log n).
 */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/load-balancer";

const BACKENDS = 1_000;
const IN_FLIGHT = 2_000;

function leastConnections(api: typeof Api): () => unknown {
  const backends = Array.from({ length: BACKENDS }, (_, i) => ({ id: `10.0.${i >> 8}.${i & 255}:8080` }));
  const balancer = new api.LoadBalancer("least-connections", backends);
  const held: Api.Lease[] = [];
  for (let i = 0; i < IN_FLIGHT; i++) held.push(balancer.pick());
  let oldest = 0;
  return () => {
    (held[oldest] as Api.Lease).release();
    const lease = balancer.pick();
    held[oldest] = lease;
    oldest = (oldest + 1) % IN_FLIGHT;
    return lease;
  };
}

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "least-connections picks, 1,000 backends, 2,000 requests in flight",
      unit: "picks",
      setup: leastConnections,
    },
  ],
});
