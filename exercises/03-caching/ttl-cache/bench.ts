/**
 * How the TTL cache is measured, on two workloads:
 * - sessions: a full session store (20,000 entries) where one request in five creates a session
 *   (TTL 15, 30 or 60 minutes) and the others read recent sessions. Every new session evicts the
 *   one closest to expiry. Real clock, so npm's @isaacs/ttlcache runs it too.
 * - sweeps: 50,000 entries on a virtual clock that moves 1 ms per operation; each operation sets
 *   one short-lived entry and sweeps. A sweep should cost the expired entries, not the live ones.
 */
import { defineBench, zipfIndexes } from "#kata/bench";
import type * as TtlModule from "./src/ttl-cache";
import { npmTtlCache } from "./peers";

type Api = Pick<typeof TtlModule, "TtlCache">;

const MINUTE = 60_000;
const SESSION_TTLS = [15 * MINUTE, 30 * MINUTE, 60 * MINUTE];
const READS = zipfIndexes(1 << 20, 2_000, 1, 21); // how far back a read reaches: recent sessions are hot

function sessions(api: Api): () => unknown {
  const cache = new api.TtlCache<number, number>({ defaultTtlMs: 30 * MINUTE, maxSize: 20_000 });
  let created = 0;
  let i = 0;
  return () => {
    i = i === READS.length - 1 ? 0 : i + 1;
    if (i % 5 === 0) {
      created++;
      cache.set(created, i, SESSION_TTLS[created % 3] as number);
      return created;
    }
    return cache.get(created - (READS[i] as number));
  };
}

function sweeps(api: Api): () => unknown {
  let now = 0;
  const cache = new api.TtlCache<number, number>({ defaultTtlMs: 10 * MINUTE, clock: () => now });
  for (let k = 0; k < 50_000; k++) cache.set(-1 - k, k, 1e9); // long-lived entries the sweep must not touch
  let k = 0;
  return () => {
    now += 1;
    cache.set(k++, now, 50);
    return cache.sweep();
  };
}

export default defineBench<Api>({
  workloads: [
    { kind: "throughput", name: "sessions, full at 20k", unit: "ops", setup: sessions },
    { kind: "throughput", name: "sweeps among 50k live", unit: "ops", setup: sweeps, compareWithPeers: false },
  ],
  peers: [{ name: "@isaacs/ttlcache 2 (npm)", api: npmTtlCache }],
});
