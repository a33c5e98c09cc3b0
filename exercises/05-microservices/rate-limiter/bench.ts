/**
 * How the limiter is measured: a real HTTP server on 127.0.0.1 (one process for yours, one for the
 * reference), loaded by autocannon with 8 API keys whose limit (10 million an hour) is never hit.
 * The work is then the limiter's bookkeeping on every request, which is where designs differ: a
 * counter or a bucket costs the same on the millionth request as on the first; a log of timestamps
 * costs more with every request the window holds.
 */
import { defineBench } from "#kata/bench";
import type * as LimiterModule from "./src/rate-limiter";

const KEYS = Array.from({ length: 8 }, (_, i) => `bench-key-${i}`);

export default defineBench<typeof LimiterModule>({
  workloads: [
    {
      kind: "http",
      name: "busy keys, generous limit",
      server: (api) =>
        api.createRateLimitServer(new api.RateLimiter(api.parseConfig({ algorithm: "sliding-window", authenticated: "10000000/hour", anonymous: "100/hour" }))),
      requests: KEYS.map((key) => ({ path: "/api/v1/feed", headers: { authorization: `Bearer ${key}` } })),
      connections: 16,
      roundSeconds: 2,
    },
  ],
});
