/**
 * Grading-only tests. The learner's limiter is compared, decision by decision, with a small
 * independent model of each algorithm on random schedules (fast-check, seeded), and the HTTP edges
 * a first server tends to miss are probed.
 */
import type { Server } from "node:http";
import fc from "fast-check";
import { closeServer, listenOnLoopback, propertySettings } from "#kata/testing";
import type { RateLimitConfig } from "./src/config";
import { RateLimiter, createRateLimitServer } from "./src/rate-limiter";

/** The sliding-window counter, straight from its definition, in exact integers. */
function slidingModel(requests: number, w: number): (now: number) => boolean {
  const counts = new Map<number, number>();
  return (now) => {
    const k = Math.floor(now / w);
    const elapsed = now - k * w;
    const estimateTimesW = (counts.get(k - 1) ?? 0) * (w - elapsed) + (counts.get(k) ?? 0) * w;
    const allowed = estimateTimesW + w <= requests * w;
    if (allowed) counts.set(k, (counts.get(k) ?? 0) + 1);
    return allowed;
  };
}

/** The token bucket, from its definition: tokens x W refill by `requests` per ms up to requests x W. */
function bucketModel(requests: number, w: number, start: number): (now: number) => boolean {
  let tokens = requests * w;
  let last = start;
  return (now) => {
    tokens = Math.min(requests * w, tokens + (now - last) * requests);
    last = now;
    if (tokens < w) return false;
    tokens -= w;
    return true;
  };
}

function config(algorithm: RateLimitConfig["algorithm"], requests: number, windowMs: number): RateLimitConfig {
  const limit = { requests, windowMs };
  return { algorithm, authenticated: limit, anonymous: limit, trustProxy: false };
}

const schedule = fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 120 });
const limits = fc.record({ requests: fc.integer({ min: 1, max: 7 }), windowMs: fc.constantFrom(1_000, 2_500, 10_000) });

test.each(["sliding-window", "token-bucket"] as const)(
  "%s: every decision on random schedules matches the definition",
  (algorithm) => {
    fc.assert(
      fc.property(limits, schedule, ({ requests, windowMs }, gaps) => {
        let now = 1_000_000;
        const limiter = new RateLimiter(config(algorithm, requests, windowMs), () => now);
        const model =
          algorithm === "sliding-window" ? slidingModel(requests, windowMs) : bucketModel(requests, windowMs, now);
        for (const gap of gaps) {
          now += gap;
          const expected = model(now);
          const got = limiter.check({ address: "x" }).allowed;
          if (got !== expected)
            throw new Error(
              `at ${now} ms (limit ${requests} per ${windowMs} ms) the model ${expected ? "allows" : "refuses"} but the limiter ${got ? "allows" : "refuses"}`,
            );
        }
      }),
      propertySettings(200),
    );
  },
);

/** A fresh limiter that has seen requests at `times`; its clock can then be moved on. */
function replayed(algorithm: RateLimitConfig["algorithm"], requests: number, windowMs: number, times: number[]) {
  const clock = { now: times[0] ?? 0 };
  const limiter = new RateLimiter(config(algorithm, requests, windowMs), () => clock.now);
  for (const t of times) {
    clock.now = t;
    limiter.check({ address: "x" });
  }
  return { limiter, clock };
}

test.each(["sliding-window", "token-bucket"] as const)(
  "%s: Retry-After is never early and at most 1 s late",
  (algorithm) => {
    fc.assert(
      fc.property(limits, schedule, ({ requests, windowMs }, gaps) => {
        const times: number[] = [];
        let now = 5_000_000;
        for (const gap of gaps) times.push((now += gap));
        const { limiter, clock } = replayed(algorithm, requests, windowMs, times);
        clock.now = now + 1; // one more request: if refused, its Retry-After is what is checked
        const decision = limiter.check({ address: "x" });
        if (decision.allowed) return;
        const after = decision.retryAfterSeconds ?? 0;
        if (!Number.isInteger(after) || after < 1)
          throw new Error(`retryAfterSeconds ${after}: it must be a whole number >= 1`);
        const probe = (delayMs: number): boolean => {
          const copy = replayed(algorithm, requests, windowMs, times);
          copy.clock.now = now + 1;
          copy.limiter.check({ address: "x" });
          copy.clock.now = now + 1 + delayMs;
          return copy.limiter.check({ address: "x" }).allowed;
        };
        if (!probe(after * 1000))
          throw new Error(`Retry-After ${after} s was early: a request after exactly that wait was refused`);
        if (after > 1 && probe((after - 1) * 1000))
          throw new Error(`Retry-After ${after} s was over 1 s late: a request 1 s sooner was allowed`);
      }),
      propertySettings(200),
    );
  },
);

test("token bucket over a minute: a burst of 4, then exactly one request per 500 ms", () => {
  let now = 0;
  const limiter = new RateLimiter(config("token-bucket", 4, 2_000), () => now);
  let allowed = 0;
  for (now = 0; now <= 60_000; now += 10) if (limiter.check({ address: "x" }).allowed) allowed++;
  expect(allowed).toBe(4 + 120);
});

test("token-bucket clients are forgotten once full again, and only then", () => {
  let now = 0;
  const limiter = new RateLimiter(config("token-bucket", 10, 60_000), () => now);
  for (let i = 0; i < 500; i++) limiter.check({ address: `c${i}` });
  limiter.check({ address: "busy" });
  for (let i = 0; i < 9; i++) limiter.check({ address: "busy" });
  now = 60_000 - 1; // busy's bucket is not yet full: a sweep here must keep it
  limiter.check({ address: "other" });
  now = 2 * 60_000;
  limiter.check({ address: "late" });
  expect(limiter.trackedClients).toBeLessThanOrEqual(3);
});

describe("HTTP edges", () => {
  let server: Server | undefined;
  let base = "";
  const now = 0;

  beforeAll(async () => {
    const limits = { ...config("sliding-window", 1, 60_000), trustProxy: true };
    server = createRateLimitServer(new RateLimiter(limits, () => now));
    base = await listenOnLoopback(server);
  });

  afterAll(() => closeServer(server));

  test("behind a trusted proxy, each X-Forwarded-For client is limited apart (first entry counts)", async () => {
    const a = await fetch(`${base}/`, { headers: { "x-forwarded-for": "198.51.100.1, 10.0.0.1" } });
    const b = await fetch(`${base}/`, { headers: { "x-forwarded-for": "198.51.100.2, 10.0.0.1" } });
    const a2 = await fetch(`${base}/`, { headers: { "x-forwarded-for": "198.51.100.1" } });
    expect([a.status, b.status, a2.status]).toEqual([200, 200, 429]);
  });

  test("the Bearer scheme is case-insensitive; other schemes are anonymous", async () => {
    const lower = await fetch(`${base}/`, {
      headers: { authorization: "bearer lower-key", "x-forwarded-for": "198.51.100.3" },
    });
    const lowerAgain = await fetch(`${base}/`, {
      headers: { authorization: "Bearer lower-key", "x-forwarded-for": "198.51.100.4" },
    });
    expect([lower.status, lowerAgain.status]).toEqual([200, 429]);
    const basic = await fetch(`${base}/`, {
      headers: { authorization: "Basic dXNlcjpwdw==", "x-forwarded-for": "198.51.100.5" },
    });
    const sameAddress = await fetch(`${base}/`, { headers: { "x-forwarded-for": "198.51.100.5" } });
    expect([basic.status, sameAddress.status]).toEqual([200, 429]);
  });

  test("every method is limited, not only GET", async () => {
    const post = await fetch(`${base}/upload`, {
      method: "POST",
      body: "x",
      headers: { "x-forwarded-for": "198.51.100.6" },
    });
    const put = await fetch(`${base}/upload`, {
      method: "PUT",
      body: "y",
      headers: { "x-forwarded-for": "198.51.100.6" },
    });
    expect([post.status, put.status]).toEqual([200, 429]);
  });
});
