import type { Server } from "node:http";
import { closeServer, codeOf, ensure, listenOnLoopback } from "#kata/testing";
import { RateLimitConfigError } from "./src/errors";
import { DEFAULT_CONFIG, parseConfig, parseLimit, type RateLimitConfig } from "./src/config";
import { RateLimiter, createRateLimitServer, type Decision } from "./src/rate-limiter";

/** A clock the test moves by hand, in integer milliseconds. */
function manualClock(start: number): { now: () => number; set: (t: number) => void } {
  let t = start;
  return { now: () => t, set: (next) => void (t = next) };
}

function config(algorithm: RateLimitConfig["algorithm"], requests: number, windowMs: number): RateLimitConfig {
  const limit = { requests, windowMs };
  return { algorithm, authenticated: limit, anonymous: limit, trustProxy: false };
}

/** Checks `client` at each time and returns the decisions. */
function at(
  limiter: RateLimiter,
  clock: ReturnType<typeof manualClock>,
  times: number[],
  client = { address: "10.0.0.1" },
): Decision[] {
  return times.map((t) => {
    clock.set(t);
    return limiter.check(client);
  });
}

describe("configuration", () => {
  test.each([
    ["1000/hour", { requests: 1000, windowMs: 3_600_000 }],
    ["100 / minute", { requests: 100, windowMs: 60_000 }],
    ["5/second", { requests: 5, windowMs: 1_000 }],
    ["2/day", { requests: 2, windowMs: 86_400_000 }],
  ])("parseLimit(%p)", (text, limit) => {
    expect(parseLimit(text)).toEqual(limit);
  });

  test.each(["0/hour", "1.5/hour", "10/week", "hourly", "", 42])("parseLimit(%p) is an INVALID_LIMIT", (text) => {
    expect(codeOf(RateLimitConfigError, () => parseLimit(text as string))).toBe("INVALID_LIMIT");
  });

  test("parseConfig fills what is missing from the default gateway limits", () => {
    expect(parseConfig({})).toEqual(DEFAULT_CONFIG);
    expect(parseConfig({ algorithm: "token-bucket", anonymous: "10/minute", trustProxy: true })).toEqual({
      ...DEFAULT_CONFIG,
      algorithm: "token-bucket",
      anonymous: { requests: 10, windowMs: 60_000 },
      trustProxy: true,
    });
  });

  test("parseConfig refuses a misspelt field instead of ignoring it, and names it", () => {
    expect(codeOf(RateLimitConfigError, () => parseConfig({ anonymos: "10/minute" }))).toBe("INVALID_CONFIG");
    expect(() => parseConfig({ anonymos: "10/minute" })).toThrow(/anonymos/);
  });

  test.each([
    [null, "INVALID_CONFIG"],
    [[], "INVALID_CONFIG"],
    [{ algorithm: "leaky-bucket" }, "INVALID_ALGORITHM"],
    [{ trustProxy: "yes" }, "INVALID_CONFIG"],
    [{ authenticated: 1000 }, "INVALID_LIMIT"],
  ])("parseConfig(%p) is refused with %s", (raw, code) => {
    expect(codeOf(RateLimitConfigError, () => parseConfig(raw))).toBe(code);
  });
});

describe("sliding-window counter (3 per 10 s)", () => {
  const setup = () => {
    const clock = manualClock(100_000);
    return { clock, limiter: new RateLimiter(config("sliding-window", 3, 10_000), clock.now) };
  };

  test("allows 3 in a window, counting down remaining, then refuses with Retry-After", () => {
    const { clock, limiter } = setup();
    const [a, b, c, d] = at(limiter, clock, [100_000, 101_000, 102_000, 103_000]);
    expect([a?.allowed, b?.allowed, c?.allowed, d?.allowed]).toEqual([true, true, true, false]);
    expect([a?.remaining, b?.remaining, c?.remaining]).toEqual([2, 1, 0]);
    expect(d?.retryAfterSeconds).toBe(11);
  });

  test("the previous window still weighs at the start of the next: 3 x (10 s - 0 s) / 10 s = 3, refused", () => {
    const { clock, limiter } = setup();
    at(limiter, clock, [100_000, 101_000, 102_000]);
    const [edge] = at(limiter, clock, [110_000]);
    ensure(
      edge?.allowed === false,
      "at 110.000 s a new window starts, but the estimate is previous x (W - elapsed) / W + current = 3 x 1 + 0 = 3, " +
        "and 3 + 1 > 3: refuse. A plain fixed window would allow a burst of 6 across the edge.",
    );
    expect(edge?.retryAfterSeconds).toBe(4);
  });

  test("half-way through the next window the previous counts half: 1.5 + 1 <= 3 allowed, then 2.5 + 1 refused", () => {
    const { clock, limiter } = setup();
    at(limiter, clock, [100_000, 101_000, 102_000]);
    const [first, second] = at(limiter, clock, [114_999, 115_000]);
    expect(first?.allowed).toBe(true);
    expect(second?.allowed).toBe(false);
    expect(second?.retryAfterSeconds).toBe(2);
  });

  test("Retry-After is honest: waiting exactly that long is enough, a second less is not", () => {
    const { clock, limiter } = setup();
    const [, , , refused] = at(limiter, clock, [100_000, 100_001, 100_002, 100_003]);
    const wait = (refused?.retryAfterSeconds ?? 0) * 1000;
    ensure(wait >= 1000, `a refusal must carry retryAfterSeconds >= 1, got ${refused?.retryAfterSeconds}`);
    const probe = new RateLimiter(config("sliding-window", 3, 10_000), clock.now);
    at(probe, clock, [100_000, 100_001, 100_002, 100_003]);
    const [tooEarly, onTime] = at(probe, clock, [100_003 + wait - 1000, 100_003 + wait]);
    ensure(
      tooEarly?.allowed === false && onTime?.allowed === true,
      `Retry-After said ${wait / 1000} s: a request 1 s sooner must be refused and one on time allowed`,
    );
  });
});

describe("sliding-window counter at its edges (3 per 10 s)", () => {
  const setup = () => {
    const clock = manualClock(100_000);
    return { clock, limiter: new RateLimiter(config("sliding-window", 3, 10_000), clock.now) };
  };

  test("a request at exactly a window's edge belongs to the window that starts there", () => {
    const { clock, limiter } = setup();
    const atEdge = at(limiter, clock, [110_000, 110_000, 110_000]);
    expect(atEdge.map((d) => d.allowed)).toEqual([true, true, true]);
    const [late] = at(limiter, clock, [119_999]);
    ensure(
      late?.allowed === false,
      "three requests at exactly 110.000 s and a fourth at 119.999 s all fall in the window [110 s, 120 s), so the fourth must be " +
        "refused (3 + 1 > 3), and it was allowed. Windows are [k x W, (k + 1) x W): a request at exactly 110.000 s opens the new window. " +
        "Counting it in the window that ends there (a rollover test such as now - windowStart > W) gives extra requests to a client that aims at the edge.",
    );
  });

  test("a quiet window clears the slate: counts from two windows ago weigh nothing", () => {
    const { clock, limiter } = setup();
    at(limiter, clock, [100_000, 101_000, 102_000]); // [100 s, 110 s): the quota used up
    at(limiter, clock, [115_000], { address: "10.0.0.2" }); // someone else; nothing from 10.0.0.1 in [110 s, 120 s)
    const [back] = at(limiter, clock, [120_000]);
    ensure(
      back?.allowed === true && back.remaining === 2,
      `a client that used its 3 requests in [100 s, 110 s), sent nothing in [110 s, 120 s) and came back at 120.000 s got ${JSON.stringify(back)}; ` +
        "it should be allowed with 2 remaining. The window before [120 s, 130 s) was empty, so previous = 0: when more than one window has " +
        "passed, previous and current both start from 0. Keeping the count from two windows ago as previous refuses a client for requests made over a window ago.",
    );
  });

  test("refused requests do not use up the quota: a client that keeps retrying gets through when Retry-After said", () => {
    const { clock, limiter } = setup();
    const [, , , first] = at(limiter, clock, [100_000, 101_000, 102_000, 103_000]);
    const until = 103_000 + (first?.retryAfterSeconds ?? 0) * 1000;
    const retries: number[] = [];
    for (let t = 103_250; t <= until; t += 250) retries.push(t);
    const decisions = at(limiter, clock, retries);
    ensure(
      decisions.some((d) => d.allowed),
      `refused at 103.000 s with Retry-After ${first?.retryAfterSeconds} s, a client retrying every 250 ms was still refused at ${until / 1000} s. ` +
        "Count only the requests you allow: a refused request that counts against the quota keeps a retrying client locked out for as long as it retries.",
    );
  });
});

describe("token bucket (4 per 2 s: a token every 500 ms)", () => {
  const setup = () => {
    const clock = manualClock(0);
    return { clock, limiter: new RateLimiter(config("token-bucket", 4, 2_000), clock.now) };
  };

  test("a full bucket allows a burst of 4, then refuses with Retry-After 1", () => {
    const { clock, limiter } = setup();
    const decisions = at(limiter, clock, [0, 0, 0, 0, 0]);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, false]);
    expect(decisions[4]?.retryAfterSeconds).toBe(1);
  });

  test("refills one token per 500 ms, not before", () => {
    const { clock, limiter } = setup();
    at(limiter, clock, [0, 0, 0, 0]);
    const decisions = at(limiter, clock, [499, 500, 500, 750, 1_000]);
    expect(decisions.map((d) => d.allowed)).toEqual([false, true, false, false, true]);
  });

  test("polled every 50 ms, the token due at 500 ms is there at exactly 500 ms", () => {
    const { clock, limiter } = setup();
    at(limiter, clock, [0, 0, 0, 0]);
    const polls = Array.from({ length: 20 }, (_, i) => 50 * (i + 1)); // 50 ms .. 1000 ms
    const decisions = at(limiter, clock, polls);
    const firstAllowed = polls[decisions.findIndex((d) => d.allowed)];
    const floats =
      "A refill in floating point loses it: each poll refills 0.1 token, and ten refills of 0.1 make 0.9999999999999999, not 1; " +
      "keep the bucket in integers (tokens x W, refilled by `limit` per ms, a request costing W).";
    const refusedTakes =
      "A refused poll must not take a token: count only what you allow, or a polling client stays in debt for good.";
    ensure(
      firstAllowed === 500,
      `after a burst of 4 at 0 ms, a client polling every 50 ms first got through at ${firstAllowed === undefined ? "none of 50 ms .. 1000 ms" : `${firstAllowed} ms`}; ` +
        "a token is due at exactly 500 ms (4 per 2 s). " +
        (firstAllowed === undefined
          ? `${refusedTakes} ${floats}`
          : firstAllowed > 500
            ? `${floats} ${refusedTakes}`
            : "No token is there before 500 ms."),
    );
  });

  test("a bucket left alone refills to the limit and no further", () => {
    const { clock, limiter } = setup();
    at(limiter, clock, [0, 0, 0, 0]);
    const decisions = at(limiter, clock, [60_000, 60_000, 60_000, 60_000, 60_000]);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, false]);
  });
});

describe("clients", () => {
  test("the default limits: 100/hour without a key, 1000/hour with one, counted apart", () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(DEFAULT_CONFIG, clock.now);
    const anonymous = Array.from({ length: 101 }, () => limiter.check({ address: "203.0.113.9" }));
    expect(anonymous.filter((d) => d.allowed)).toHaveLength(100);
    expect(anonymous[100]?.limit).toBe(100);
    const keyed = limiter.check({ apiKey: "k-1", address: "203.0.113.9" });
    expect([keyed.allowed, keyed.limit]).toEqual([true, 1000]);
  });

  test("one client's exhaustion leaves the others alone, and a key never shares state with an address", () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(config("sliding-window", 2, 60_000), clock.now);
    at(limiter, clock, [0, 0, 0], { address: "127.0.0.1" });
    ensure(
      limiter.check({ address: "127.0.0.2" }).allowed,
      "127.0.0.2 was refused after 127.0.0.1 used up its quota: each client needs its own state, keyed by its API key or its address, not one shared by all.",
    );
    ensure(
      limiter.check({ apiKey: "127.0.0.1", address: "192.0.2.7" }).allowed,
      'a request with the API key "127.0.0.1" was refused because the address 127.0.0.1 had used its quota: keep keys and addresses in ' +
        "separate namespaces (key:<key>, ip:<address>), or a caller can spend, or dodge, another client's quota by picking a key spelt like an address.",
    );
  });

  test("memory follows active clients: 10,000 one-off clients are forgotten once idle", () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(config("sliding-window", 5, 60_000), clock.now);
    for (let i = 0; i < 10_000; i++) limiter.check({ address: `10.1.${i >> 8}.${i & 255}` });
    expect(limiter.trackedClients).toBe(10_000);
    clock.set(3 * 60_000);
    limiter.check({ address: "10.9.9.9" });
    ensure(
      limiter.trackedClients <= 1,
      `three windows later ${limiter.trackedClients} clients are still tracked; a client whose state is that of a new client can be dropped, or memory grows with every address ever seen`,
    );
  });

  test("forgetting idle clients never forgets a limited one", () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(config("sliding-window", 3, 10_000), clock.now);
    at(limiter, clock, [0, 1, 2]);
    const [next] = at(limiter, clock, [10_000]); // a sweep may run here: this client is not idle
    ensure(
      next?.allowed === false,
      "a client that used its 3 requests at 0-2 ms was allowed again at exactly 10.000 s, where previous x (W - 0) / W = 3 still weighs in full. " +
        "Either the sweep forgot (or reset) a client that is still limited (idle means both windows empty), or requests at an edge instant " +
        "(0 ms, 10.000 s) were counted in the window that ends there instead of the one they open.",
    );
  });
});

describe("the HTTP server", () => {
  const clock = manualClock(0);
  let server: Server | undefined;
  let base = "";

  beforeAll(async () => {
    const limits = { ...config("sliding-window", 2, 60_000), authenticated: { requests: 3, windowMs: 60_000 } };
    server = createRateLimitServer(new RateLimiter(limits, clock.now));
    base = await listenOnLoopback(server);
  });

  afterAll(() => closeServer(server));

  test("answers 200 with the rate-limit headers while within the limit", async () => {
    const response = await fetch(`${base}/api/v1/feed`, { headers: { "x-forwarded-for": "1.1.1.1" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("ratelimit-limit")).toBe("2");
    expect(response.headers.get("ratelimit-remaining")).toBe("1");
    expect(response.headers.get("ratelimit-reset")).toBe("60");
  });

  test("answers 429 with Retry-After once the limit is used, whatever X-Forwarded-For claims (proxy not trusted)", async () => {
    await fetch(`${base}/`, { headers: { "x-forwarded-for": "2.2.2.2" } });
    const refused = await fetch(`${base}/`, { headers: { "x-forwarded-for": "3.3.3.3" } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await refused.json()).toEqual({
      error: "rate limit exceeded",
      retryAfterSeconds: Number(refused.headers.get("retry-after")),
    });
  });

  test("a Bearer key is limited on its own, with the authenticated limit", async () => {
    const response = await fetch(`${base}/`, { headers: { authorization: "Bearer key-42" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("ratelimit-limit")).toBe("3");
  });
});
