/**
 * How the registry is measured, with 20,000 instances registered: 200 services of 100 instances,
 * the size of a mid-sized company's fleet. What a registry spends its time on is answering
 * "where is service X?" (clients ask before calls, or every few seconds to refresh a cache) while
 * heartbeats renew leases in the background.
 *
 * - through a real HTTP server on 127.0.0.1 (one process for yours, one for the reference),
 *   loaded by autocannon: eight discovers of different services to every two heartbeats;
 * - in process, call by call: nine discovers to one heartbeat, on a clock that moves 1 ms every 100
 *   calls, so no lease ends during the bench and the work is the bookkeeping of every call.
 */
import { defineBench } from "#kata/bench";
import type * as RegistryModule from "./src/service-registry";
import type { ServiceRegistry } from "./src/service-registry";

type Api = Pick<typeof RegistryModule, "ServiceRegistry" | "createRegistryServer">;

const SERVICES = 200;
const PER_SERVICE = 100;
const LEASE_MS = 300_000;

const serviceName = (s: number): string => `svc-${s}`;
const instanceId = (s: number, i: number): string => `svc-${s}-node-${i}`;

function fleet(api: Api, clock?: () => number): ServiceRegistry {
  const registry = new api.ServiceRegistry(clock === undefined ? {} : { clock });
  for (let s = 0; s < SERVICES; s++) {
    for (let i = 0; i < PER_SERVICE; i++) {
      registry.register(serviceName(s), instanceId(s, i), {
        host: `10.${s >> 8}.${s & 255}.${i}`,
        port: 8000 + i,
        ttlMs: LEASE_MS,
        metadata: { zone: `zone-${i % 3}`, version: "1.4.2" },
      });
    }
  }
  return registry;
}

const HTTP_REQUESTS = [
  ...Array.from({ length: 8 }, (_, k) => ({ path: `/v1/services/${serviceName(k * 23)}` })),
  ...Array.from({ length: 2 }, (_, k) => ({
    method: "PUT" as const,
    path: `/v1/services/${serviceName(k * 41)}/instances/${instanceId(k * 41, k * 7)}/heartbeat`,
  })),
];

export default defineBench<Api>({
  workloads: [
    {
      kind: "http",
      name: "discover and heartbeat over HTTP, 20,000 instances",
      server: (api) => api.createRegistryServer(fleet(api)),
      requests: HTTP_REQUESTS,
      connections: 16,
      roundSeconds: 2,
    },
    {
      kind: "throughput",
      name: "discover and heartbeat, 20,000 instances",
      unit: "calls",
      setup: (api) => {
        let calls = 0;
        const registry = fleet(api, () => Math.floor(calls / 100));
        let service = 0;
        let beat = 0;
        return () => {
          calls++;
          if (calls % 10 === 0) {
            beat = beat === SERVICES * PER_SERVICE - 1 ? 0 : beat + 1;
            const s = beat % SERVICES;
            return registry.heartbeat(serviceName(s), instanceId(s, Math.floor(beat / SERVICES)));
          }
          service = service === SERVICES - 1 ? 0 : service + 1;
          return registry.discover(serviceName(service));
        };
      },
    },
  ],
});
