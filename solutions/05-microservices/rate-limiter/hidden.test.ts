/**
 * Grading-only tests. The learner's limiter is compared, decision by decision, with a small
 * independent model of each algorithm on random schedules (fast-check, seeded), and the HTTP edges
 * a first server tends to miss are probed.
 */
import type { Server } from "node:http";
import fc from "fast-check";
import { closeServer, ensure, listenOnLoopback, messageOf, propertySettings } from "#kata/testing";
import { RateLimitConfigError } from "./src/errors";
import { parseConfig, parseLimit, type RateLimitConfig } from "./src/config";
import { RateLimiter, createRateLimitServer, type Decision } from "./src/rate-limiter";

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

/** The RateLimitConfigError that `act` throws, or undefined when it returns (other errors propagate). */
function configErrorOf(act: () => unknown): RateLimitConfigError | undefined {
  try {
    act();
  } catch (error) {
    if (error instanceof RateLimitConfigError) return error;
    throw error;
  }
  return undefined;
}

/** What a refusal's code is, or that there was none, for a message. */
function outcome(act: () => unknown): string {
  const error = configErrorOf(act);
  return error === undefined ? "no error (the call returned)" : `a ${error.code}`;
}

/** A word (or hyphenated name) standing on its own in `text`, not glued to the next one. */
const namesWord = (text: string, word: string): boolean =>
  new RegExp(`(^|[^\\w-])${word.replace(/[-/\\^$*+?.()|[\]{}]/g, "\\$&")}($|[^\\w-])`).test(text);

describe("configuration: edges, and what a refusal says", () => {
  test("the smallest limit, 1 request per window, is a limit", () => {
    for (const [text, windowMs] of [
      ["1/second", 1_000],
      ["1/day", 86_400_000],
    ] as const) {
      let got: unknown;
      try {
        got = parseLimit(text);
      } catch (error) {
        got = error;
      }
      ensure(
        JSON.stringify(got) === JSON.stringify({ requests: 1, windowMs }),
        `parseLimit(${JSON.stringify(text)}) gave ${got instanceof Error ? `${got.name}: ${got.message}` : JSON.stringify(got)}; ` +
          `1 is a positive whole number, so it must give { requests: 1, windowMs: ${windowMs} }. Only 0 (and what is not a whole number) is refused.`,
      );
    }
  });

  test("a limit is the whole string: text after the unit is refused, spaces around the parts are not", () => {
    for (const text of ["10/hourly", "10/hour, 5/minute", "10/hour x"]) {
      ensure(
        configErrorOf(() => parseLimit(text))?.code === "INVALID_LIMIT",
        `parseLimit(${JSON.stringify(text)}) gave ${outcome(() => parseLimit(text))}; it must be an INVALID_LIMIT. A limit is "<n>/<unit>" and ` +
          "nothing more: reading a limit from the start of the string and ignoring the rest puts a typo silently into production.",
      );
    }
    const spaced = " 10 / hour ";
    ensure(
      configErrorOf(() => parseLimit(spaced)) === undefined,
      `parseLimit(${JSON.stringify(spaced)}) was refused; spaces around the number, the slash and the unit are allowed ("100 / minute" is a limit).`,
    );
  });

  test("parseLimit refuses anything but a string, even an array holding a valid limit", () => {
    const notText = ["10/minute"] as unknown as string;
    ensure(
      configErrorOf(() => parseLimit(notText))?.code === "INVALID_LIMIT",
      `parseLimit(["10/minute"]) gave ${outcome(() => parseLimit(notText))}; it must be an INVALID_LIMIT. Only a string is a limit: ` +
        'coercing the value to text first (String(["10/minute"]) is "10/minute") accepts a configuration written wrongly.',
    );
  });

  test("an INVALID_LIMIT message quotes the value and names the units", () => {
    const message = messageOf(RateLimitConfigError, () => parseLimit("10/week"));
    ensure(
      message.includes("10/week") && ["second", "minute", "hour", "day"].every((unit) => namesWord(message, unit)),
      `parseLimit("10/week") was refused with the message ${JSON.stringify(message)}; it must quote the value ("10/week") and say what a ` +
        "limit looks like, naming each unit there is: second, minute, hour, day.",
    );
  });

  test("parseConfig refuses anything but a plain object: a number, a string, a boolean, undefined", () => {
    for (const raw of [42, "token-bucket", true, undefined]) {
      ensure(
        configErrorOf(() => parseConfig(raw))?.code === "INVALID_CONFIG",
        `parseConfig(${String(JSON.stringify(raw))}) gave ${outcome(() => parseConfig(raw))}; it must be an INVALID_CONFIG: a configuration is an object ` +
          "of fields. A number has no fields to complain about, and returning the defaults for it hides a broken configuration file.",
      );
    }
    const message = messageOf(RateLimitConfigError, () => parseConfig(42));
    ensure(
      message.includes("42") && /object/i.test(message),
      `parseConfig(42) was refused with the message ${JSON.stringify(message)}; it must quote what it got (42) and say that an object is expected.`,
    );
  });

  test("an unknown-field message names every unknown field, apart, and lists the fields there are", () => {
    const message = messageOf(RateLimitConfigError, () =>
      parseConfig({ anonymos: "10/minute", algoritm: "token-bucket" }),
    );
    const [first, second] = [message.indexOf("anonymos"), message.indexOf("algoritm")].sort((a, b) => a - b);
    const between = first !== undefined && second !== undefined ? message.slice(first, second) : "";
    const fields = ["algorithm", "authenticated", "anonymous", "trustProxy"];
    ensure(
      first !== -1 && /[\s,;]/.test(between) && fields.every((field) => namesWord(message, field)),
      `parseConfig({ anonymos, algoritm }) was refused with the message ${JSON.stringify(message)}; it must name both unknown fields, ` +
        `apart (a comma or a space between them, not run together), and list the fields there are, each on its own: ${fields.join(", ")}.`,
    );
  });

  test("an INVALID_ALGORITHM message quotes the value and names both algorithms", () => {
    const message = messageOf(RateLimitConfigError, () => parseConfig({ algorithm: "leaky-bucket" }));
    ensure(
      message.includes("leaky-bucket") && namesWord(message, "sliding-window") && namesWord(message, "token-bucket"),
      `parseConfig({ algorithm: "leaky-bucket" }) was refused with the message ${JSON.stringify(message)}; it must quote the value ` +
        "(leaky-bucket) and name each algorithm there is, on its own: sliding-window, token-bucket.",
    );
  });

  test("a trustProxy that is not a boolean: the message names the field and quotes the value", () => {
    const message = messageOf(RateLimitConfigError, () => parseConfig({ trustProxy: "yes" }));
    ensure(
      message.includes("trustProxy") && message.includes("yes") && /true|false|boolean/i.test(message),
      `parseConfig({ trustProxy: "yes" }) was refused with the message ${JSON.stringify(message)}; it must name the field (trustProxy), ` +
        "quote the value (yes) and say that it must be true or false.",
    );
  });

  test("a limit that is not a string: the message names the field, quotes the value and shows the form", () => {
    const message = messageOf(RateLimitConfigError, () => parseConfig({ anonymous: 250 }));
    ensure(
      message.includes("anonymous") && message.includes("250") && /\d+ ?\/ ?(second|minute|hour|day)/.test(message),
      `parseConfig({ anonymous: 250 }) was refused with the message ${JSON.stringify(message)}; it must name the field (anonymous), ` +
        'quote the value (250) and show the form a limit takes, such as "100/hour".',
    );
  });
});

/** A decision's figures in one line, in a fixed order, for comparing with the README's. */
function figures(d: Decision): string {
  const retry = d.retryAfterSeconds === undefined ? "" : ` retryAfter ${d.retryAfterSeconds}`;
  return `${d.allowed ? "allowed" : "refused"} limit ${d.limit} remaining ${d.remaining} reset ${d.resetSeconds}${retry}`;
}

describe("every figure of a decision", () => {
  test("token bucket: remaining is what is left after each request, resetSeconds the wait until full; retryAfterSeconds only on a refusal", () => {
    let now = 0;
    const limiter = new RateLimiter(config("token-bucket", 4, 2_000), () => now);
    const got = [0, 0, 0, 0, 0].map((t) => {
      now = t;
      return figures(limiter.check({ address: "x" }));
    });
    const expected = [
      "allowed limit 4 remaining 3 reset 1", // 3 tokens left: 1 to refill, 500 ms
      "allowed limit 4 remaining 2 reset 1", // 2 to refill: 1,000 ms
      "allowed limit 4 remaining 1 reset 2", // 3 to refill: 1,500 ms
      "allowed limit 4 remaining 0 reset 2", // 4 to refill: 2,000 ms
      "refused limit 4 remaining 0 reset 2 retryAfter 1", // the next token in 500 ms
    ];
    ensure(
      got.join("\n") === expected.join("\n"),
      `a token bucket of 4 per 2 s, 5 requests at 0 ms, decided:\n${got.join("\n")}\nexpected:\n${expected.join("\n")}\n` +
        "remaining is the whole tokens left after this request; resetSeconds the seconds (rounded up) until the bucket is full again; " +
        "retryAfterSeconds is set on a refusal only.",
    );
  });

  test("sliding window: resetSeconds counts down to the window's end; retryAfterSeconds only on a refusal", () => {
    let now = 0;
    const limiter = new RateLimiter(config("sliding-window", 3, 10_000), () => now);
    const got = [100_000, 103_000, 109_999, 109_999].map((t) => {
      now = t;
      return figures(limiter.check({ address: "x" }));
    });
    const expected = [
      "allowed limit 3 remaining 2 reset 10", // 10,000 ms to the window's end
      "allowed limit 3 remaining 1 reset 7", // 7,000 ms
      "allowed limit 3 remaining 0 reset 1", // 1 ms, rounded up
      "refused limit 3 remaining 0 reset 1 retryAfter 4", // at 113.334 s, 3 x (10 - 3.334) / 10 + 1 <= 3
    ];
    ensure(
      got.join("\n") === expected.join("\n"),
      `a sliding window of 3 per 10 s, requests at 100.000, 103.000, 109.999 and 109.999 s, decided:\n${got.join("\n")}\nexpected:\n` +
        `${expected.join("\n")}\nresetSeconds = ceil((W - elapsed) / 1000): the time left in the current window, not W + elapsed; ` +
        "retryAfterSeconds is set on a refusal only.",
    );
  });
});

describe("clients, apart", () => {
  test("two API keys are limited apart", () => {
    const limiter = new RateLimiter(config("sliding-window", 2, 60_000), () => 0);
    for (let i = 0; i < 3; i++) limiter.check({ apiKey: "alpha", address: "192.0.2.1" });
    ensure(
      limiter.check({ apiKey: "beta", address: "192.0.2.1" }).allowed,
      'the API key "beta" was refused after the key "alpha" used its quota (from the same address): each key needs its own state, ' +
        "keyed by the key itself (key:<key>), not one shared by every authenticated client.",
    );
  });

  test("an empty apiKey is no key: the client is its address, with the anonymous limit", () => {
    const limits = { ...config("sliding-window", 2, 60_000), authenticated: { requests: 5, windowMs: 60_000 } };
    const limiter = new RateLimiter(limits, () => 0);
    const first = limiter.check({ apiKey: "", address: "192.0.2.9" });
    limiter.check({ apiKey: "", address: "192.0.2.9" });
    const plain = limiter.check({ address: "192.0.2.9" });
    ensure(
      first.limit === 2 && !plain.allowed,
      `requests with apiKey "" got limit ${first.limit}, and a third request from the same address without a key was ` +
        `${plain.allowed ? "allowed" : "refused"}; an empty key identifies no one: the client is its address, under the anonymous ` +
        'limit (2 here), so the third request must be refused. Treating "" as a key gives every caller that sends one a shared key\'s quota.',
    );
  });
});

describe("memory, swept once per window", () => {
  /** 100 clients at 0 ms, then `poller` every 250 ms from 250 ms to 2.750 s and at 2.999 s: how many are tracked. */
  function trackedAfterPolling(limits: RateLimitConfig, poller: { apiKey?: string; address: string }): number {
    let now = 0;
    const limiter = new RateLimiter(limits, () => now);
    for (let i = 0; i < 100; i++) limiter.check({ address: `10.2.0.${i}` });
    for (now = 250; now <= 2_750; now += 250) limiter.check(poller);
    now = 2_999;
    limiter.check(poller);
    return limiter.trackedClients;
  }

  test("a sliding-window client is forgotten once its last two windows are empty, not a window later", () => {
    const tracked = trackedAfterPolling(config("sliding-window", 3, 1_000), { address: "10.2.1.1" });
    ensure(
      tracked === 1,
      `100 clients sent one request each at 0 ms (window [0 s, 1 s)); with another client checked every 250 ms, ${tracked} clients are still ` +
        "tracked at 2.999 s. From 2.000 s their last two windows, [1 s, 2 s) and [2 s, 3 s), are empty: their state is a new client's " +
        "(idle when now's window >= the last request's window + 2), and a sweep once per window must drop them before 3 s.",
    );
  });

  test("idle clients are swept once per the shorter window: a long authenticated window does not hold anonymous clients", () => {
    const limits = { ...config("sliding-window", 3, 1_000), authenticated: { requests: 1_000, windowMs: 60_000 } };
    const tracked = trackedAfterPolling(limits, { apiKey: "poller", address: "10.2.1.1" });
    ensure(
      tracked === 1,
      `100 anonymous clients (limit 3 per 1 s) sent one request each at 0 ms; with an API key (limit per 60 s) checked every 250 ms, ${tracked} ` +
        "clients are still tracked at 2.999 s. Sweep once per the shorter of the two windows (1 s here), not the longer: anonymous clients " +
        "idle for two of their windows must be gone before 3 s.",
    );
  });

  test("the sweep runs once per window, no more often", () => {
    let now = 0;
    const limiter = new RateLimiter(config("token-bucket", 1, 1_000), () => now);
    // c0 .. c39 take their one token at 0, 50, .., 1,950 ms: each bucket is full again 1 s later, one every 50 ms.
    for (let i = 0; i < 40; i++) {
      now = 50 * i;
      limiter.check({ address: `10.3.0.${i}` });
    }
    let drops = 0;
    let before = limiter.trackedClients;
    for (now = 2_000; now < 3_000; now += 50) {
      limiter.check({ address: "10.3.1.1" });
      if (limiter.trackedClients < before) drops++;
      before = limiter.trackedClients;
    }
    ensure(
      drops <= 1,
      `within the one window [2 s, 3 s), the number of tracked clients fell ${drops} times: clients were dropped by ${drops} sweeps. A sweep ` +
        "visits every client, so it runs once per (shorter) window and no more often; sweeping on every check makes each request pay for all clients.",
    );
  });
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

  test("only a header that starts with the Bearer scheme carries a key", async () => {
    const headers = { authorization: "Basic Bearer k-basic", "x-forwarded-for": "198.51.100.20" };
    const first = await fetch(`${base}/`, { headers });
    const same = await fetch(`${base}/`, { headers: { "x-forwarded-for": "198.51.100.20" } });
    ensure(
      first.status === 200 && same.status === 429,
      `"Authorization: Basic Bearer k-basic" then no Authorization, both from 198.51.100.20 (limit 1), answered ${first.status} then ${same.status}; ` +
        "expected 200 then 429. Only a header that starts with the Bearer scheme names a key (anchor the match at the start): this one is " +
        "anonymous, so both requests are the address's.",
    );
  });

  test("a Bearer header with more than one word after the scheme carries no key", async () => {
    const headers = { authorization: "Bearer k-two words", "x-forwarded-for": "198.51.100.21" };
    const first = await fetch(`${base}/`, { headers });
    const same = await fetch(`${base}/`, { headers: { "x-forwarded-for": "198.51.100.21" } });
    ensure(
      first.status === 200 && same.status === 429,
      `"Authorization: Bearer k-two words" then no Authorization, both from 198.51.100.21 (limit 1), answered ${first.status} then ${same.status}; ` +
        "expected 200 then 429. A 'Bearer' header with trailing text after the token names no key (the key is one word, to the end of the " +
        "header): it is anonymous, and both requests are the address's.",
    );
  });

  test("any run of whitespace may separate Bearer from its key", async () => {
    const spaced = await fetch(`${base}/`, {
      headers: { authorization: "Bearer   k-spaced", "x-forwarded-for": "198.51.100.22" },
    });
    const single = await fetch(`${base}/`, {
      headers: { authorization: "Bearer k-spaced", "x-forwarded-for": "198.51.100.23" },
    });
    ensure(
      spaced.status === 200 && single.status === 429,
      `"Bearer   k-spaced" (three spaces) then "Bearer k-spaced", from two addresses (limit 1), answered ${spaced.status} then ${single.status}; ` +
        "expected 200 then 429: both carry the key k-spaced, so they share its quota. The scheme is followed by whitespace, one character or more.",
    );
  });

  test("spaces around the first X-Forwarded-For entry are not part of the address", async () => {
    const spaced = await fetch(`${base}/`, { headers: { "x-forwarded-for": "198.51.100.24 , 10.0.0.1" } });
    const plain = await fetch(`${base}/`, { headers: { "x-forwarded-for": "198.51.100.24" } });
    ensure(
      spaced.status === 200 && plain.status === 429,
      `X-Forwarded-For "198.51.100.24 , 10.0.0.1" then "198.51.100.24" (limit 1, proxy trusted) answered ${spaced.status} then ${plain.status}; ` +
        'expected 200 then 429: both come from 198.51.100.24. Trim the entry: "198.51.100.24 " with its space is the same client.',
    );
  });

  test("both answers are JSON: Content-Type application/json on 200 and on 429", async () => {
    const headers = { "x-forwarded-for": "198.51.100.25" };
    const allowed = await fetch(`${base}/`, { headers });
    const refused = await fetch(`${base}/`, { headers });
    const types = [allowed, refused].map((r) => `${r.status} ${r.headers.get("content-type") ?? "(none)"}`);
    ensure(
      allowed.status === 200 &&
        refused.status === 429 &&
        [allowed, refused].every((r) => r.headers.get("content-type")?.startsWith("application/json") === true),
      `the answers were ${types.join(" and ")}; both the 200 and the 429 carry a JSON body, so both need Content-Type: application/json.`,
    );
  });
});
