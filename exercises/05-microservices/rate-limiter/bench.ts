/**
 * How the limiter is measured, with 8 API keys whose limit (10 million an hour) is never hit, so
 * the work is the limiter's bookkeeping on every request, which is where designs differ: a counter
 * or a bucket costs the same on the millionth request as on the first; a log of timestamps costs
 * more with every request the window holds.
 *   - through a real HTTP server on 127.0.0.1 (one process for yours, one for the reference),
 *     loaded by autocannon: what a client sees;
 *   - in process, decision by decision over 1,000 clients: the limiter alone, without the network.
 */
import { defineBench } from "#kata/bench";
import { DEFAULT_CONFIG, type RateLimitConfig } from "./src/types";
import { noLimiter, rateLimiterFlexible, type LimiterApi } from "./peers";

const GENEROUS: RateLimitConfig = { ...DEFAULT_CONFIG, authenticated: { requests: 10_000_000, windowMs: 3_600_000 } };
const KEYS = Array.from({ length: 8 }, (_, i) => `bench-key-${i}`);
const CLIENTS = Array.from({ length: 1_000 }, (_, i) => ({
  apiKey: `client-${i}`,
  address: `10.0.${i >> 8}.${i & 255}`,
}));

export default defineBench<LimiterApi>({
  workloads: [
    {
      kind: "http",
      name: "busy keys, generous limit",
      server: (api) => api.createRateLimitServer(new api.RateLimiter(GENEROUS)),
      requests: KEYS.map((key) => ({ path: "/api/v1/feed", headers: { authorization: `Bearer ${key}` } })),
      connections: 16,
      roundSeconds: 2,
    },
    {
      kind: "throughput",
      name: "decisions, 1,000 clients",
      unit: "decisions",
      setup: (api) => {
        const limiter = new api.RateLimiter(GENEROUS);
        let next = 0;
        return () => {
          next = next === CLIENTS.length - 1 ? 0 : next + 1;
          return limiter.check(CLIENTS[next] as (typeof CLIENTS)[number]);
        };
      },
    },
  ],
  peers: [
    { name: "no limiter (bare node:http)", api: noLimiter },
    { name: "rate-limiter-flexible 11 (npm)", api: rateLimiterFlexible },
  ],
});
