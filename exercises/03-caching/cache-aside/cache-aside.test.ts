import { codeOfAsync, deferred, ensure, flushPromises, type Deferred } from "#kata/testing";
import { CacheAsideError } from "./src/errors";
import { CacheAside, type CacheAsideOptions } from "./src/cache-aside";

/** A loader the test controls: each call waits on a Deferred the test settles. */
function controlledLoader<V>() {
  const calls: { key: string; result: Deferred<V | undefined> }[] = [];
  const load = (key: string): Promise<V | undefined> => {
    const result = deferred<V | undefined>();
    calls.push({ key, result });
    return result.promise;
  };
  return { load, calls };
}

/** The message of the CacheAsideError that `act` throws or rejects with. */
async function messageOf(act: () => unknown): Promise<string> {
  try {
    await act();
  } catch (error) {
    if (error instanceof CacheAsideError) return error.message;
    throw error;
  }
  throw new Error("expected a CacheAsideError, but the call succeeded");
}

/** A message's words: split at spaces, punctuation between words, quotes and brackets. */
function wordsOf(message: string): string[] {
  return message.split(/[\s,;:()[\]{}"'`]+|[.!?](?=\s|$)/).filter((word) => word !== "");
}

function setup<V = string>(options: Partial<CacheAsideOptions<V>> = {}) {
  const clock = { now: 0 };
  const loader = controlledLoader<V>();
  const cache = new CacheAside<V>({ load: loader.load, ttlMs: 1_000, clock: () => clock.now, ...options });
  return { cache, clock, calls: loader.calls };
}

describe("read-through", () => {
  test("a miss loads and caches; the next get is a hit", async () => {
    const { cache, calls } = setup();
    const first = cache.get("user:1");
    await flushPromises();
    calls[0]?.result.resolve("Ada");
    expect(await first).toBe("Ada");
    expect(await cache.get("user:1")).toBe("Ada");
    await flushPromises();
    expect(calls).toHaveLength(1);
    expect(cache.stats).toEqual({ hits: 1, misses: 1, loads: 1 });
  });

  test("a value expires after ttlMs (at the instant itself) and is loaded again", async () => {
    const { cache, clock, calls } = setup();
    const first = cache.get("k");
    await flushPromises();
    calls[0]?.result.resolve("v1");
    await first;
    clock.now = 999;
    expect(await cache.get("k")).toBe("v1");
    clock.now = 1_000;
    const again = cache.get("k");
    await flushPromises();
    ensure(
      calls.length === 2,
      "a value loaded at 0 with ttlMs 1000 was served again at exactly 1000, its expiry instant: an entry is fresh only while now < loadedAt + ttlMs, so at that instant the get must load again",
    );
    await flushPromises();
    calls[1]?.result.resolve("v2");
    expect(await again).toBe("v2");
  });

  test("falsy values are values", async () => {
    const { cache, calls } = setup<number | null>();
    const zero = cache.get("zero");
    await flushPromises();
    calls[0]?.result.resolve(0);
    expect(await zero).toBe(0);
    expect(await cache.get("zero")).toBe(0);
    await flushPromises();
    expect(calls).toHaveLength(1);
  });
});

describe("single flight", () => {
  test("50 concurrent misses on one key call the loader once, and all get its value", async () => {
    const { cache, calls } = setup();
    const readers = Array.from({ length: 50 }, () => cache.get("hot"));
    await flushPromises();
    ensure(
      calls.length === 1,
      `50 concurrent gets of one missing key called the loader ${calls.length} times; a stampede must cost one load`,
    );
    await flushPromises();
    calls[0]?.result.resolve("value");
    expect(await Promise.all(readers)).toEqual(Array.from({ length: 50 }, () => "value"));
  });

  test("every waiter of a failed load gets its error, and the error is not cached", async () => {
    const { cache, calls } = setup();
    const readers = Array.from({ length: 5 }, () => cache.get("k"));
    const failure = new Error("database timeout");
    await flushPromises();
    calls[0]?.result.reject(failure);
    const outcomes = await Promise.allSettled(readers);
    expect(outcomes.every((o) => o.status === "rejected" && o.reason === failure)).toBe(true);
    const retry = cache.get("k");
    await flushPromises();
    ensure(
      calls.length === 2,
      "after a failed load the next get must call the loader again, but it did not. Either the error was cached although errorTtlMs is 0, or the failed flight was left registered, so later readers join its old rejection: unregister a flight when it fails as well as when it succeeds",
    );
    await flushPromises();
    calls[1]?.result.resolve("recovered");
    expect(await retry).toBe("recovered");
  });
});

describe("negative and error caching, by policy", () => {
  test('"not found" is not cached by default', async () => {
    const { cache, calls } = setup();
    const first = cache.get("ghost");
    await flushPromises();
    calls[0]?.result.resolve(undefined);
    expect(await first).toBeUndefined();
    void cache.get("ghost");
    await flushPromises();
    expect(calls).toHaveLength(2);
  });

  test('with negativeTtlMs, "not found" is answered from the cache for that long', async () => {
    const { cache, clock, calls } = setup({ negativeTtlMs: 500 });
    const first = cache.get("ghost");
    await flushPromises();
    calls[0]?.result.resolve(undefined);
    await first;
    clock.now = 499;
    expect(await cache.get("ghost")).toBeUndefined();
    await flushPromises();
    expect(calls).toHaveLength(1);
    clock.now = 500;
    void cache.get("ghost");
    await flushPromises();
    ensure(
      calls.length === 2,
      '"not found" cached at 0 with negativeTtlMs 500 was served again at exactly 500, its expiry instant: it is fresh only while now < cachedAt + negativeTtlMs, so at that instant the get must load again',
    );
  });

  test("with errorTtlMs, an error is rethrown from the cache for that long", async () => {
    const { cache, clock, calls } = setup({ errorTtlMs: 200 });
    const first = cache.get("k");
    await flushPromises();
    calls[0]?.result.reject(new Error("down"));
    await expect(first).rejects.toThrow("down");
    clock.now = 199;
    await expect(cache.get("k")).rejects.toThrow("down");
    await flushPromises();
    expect(calls).toHaveLength(1);
    clock.now = 200;
    void cache.get("k").catch(() => undefined);
    await flushPromises();
    ensure(
      calls.length === 2,
      "an error cached at 0 with errorTtlMs 200 was rethrown again at exactly 200, its expiry instant: it is fresh only while now < cachedAt + errorTtlMs, so at that instant the get must call the loader again",
    );
  });

  test("a loader that throws instead of rejecting is treated as a failed load", async () => {
    const cache = new CacheAside<string>({
      ttlMs: 1_000,
      load: () => {
        throw new Error("bad query");
      },
    });
    await expect(cache.get("k")).rejects.toThrow("bad query");
  });
});

describe("invalidation", () => {
  test("invalidate drops the entry: the next get loads", async () => {
    const { cache, calls } = setup();
    const first = cache.get("k");
    await flushPromises();
    calls[0]?.result.resolve("v1");
    await first;
    cache.invalidate("k");
    void cache.get("k");
    await flushPromises();
    expect(calls).toHaveLength(2);
  });

  test("a load overtaken by invalidate answers its waiters but is not cached", async () => {
    const { cache, calls } = setup();
    const before = cache.get("k");
    cache.invalidate("k"); // the value changed while the old read was in flight
    await flushPromises();
    calls[0]?.result.resolve("old");
    expect(await before).toBe("old");
    const after = cache.get("k");
    await flushPromises();
    ensure(
      calls.length === 2,
      "the load that started before invalidate() was stored: it may carry the value the invalidation replaced, so an overtaken load answers its own waiters and is not cached (note the key's version when a load starts; store its result only if no invalidate() came since)",
    );
    await flushPromises();
    calls[1]?.result.resolve("new");
    expect(await after).toBe("new");
  });
});

describe("warming", () => {
  test("warm() caches popular items without loading them", async () => {
    const { cache, calls } = setup();
    expect(
      cache.warm([
        ["top:1", "a"],
        ["top:2", "b"],
      ]),
    ).toBe(2);
    expect(await cache.get("top:2")).toBe("b");
    await flushPromises();
    expect(calls).toHaveLength(0);
  });

  test("prefetch() loads only what is missing, shares running loads, and counts successes", async () => {
    const { cache, calls } = setup();
    cache.warm([["cached", "x"]]);
    const reader = cache.get("trending:1");
    const prefetched = cache.prefetch(["cached", "trending:1", "trending:2", "trending:3"]);
    const outcomes = ["t1", "t2", new Error("gone")];
    for (const [i, outcome] of outcomes.entries()) {
      await flushPromises();
      if (outcome instanceof Error) calls[i]?.result.reject(outcome);
      else calls[i]?.result.resolve(outcome);
    }
    expect(await prefetched).toBe(2);
    expect(calls.map((c) => c.key)).toEqual(["trending:1", "trending:2", "trending:3"]);
    expect(await reader).toBe("t1");
    expect(await cache.get("trending:2")).toBe("t2");
  });
});

describe("bad input", () => {
  test("a missing loader or a bad TTL is refused at construction", async () => {
    expect(
      await codeOfAsync(CacheAsideError, () => new CacheAside({ ttlMs: 10 } as unknown as CacheAsideOptions<string>)),
    ).toBe("INVALID_LOADER");
    expect(
      await codeOfAsync(CacheAsideError, () => new CacheAside(undefined as unknown as CacheAsideOptions<string>)),
    ).toBe("INVALID_LOADER");
    const load = async () => "v";
    expect(await codeOfAsync(CacheAsideError, () => new CacheAside({ load, ttlMs: 0 }))).toBe("INVALID_TTL");
    expect(await codeOfAsync(CacheAsideError, () => new CacheAside({ load, ttlMs: Number.POSITIVE_INFINITY }))).toBe(
      "INVALID_TTL",
    );
    expect(await codeOfAsync(CacheAsideError, () => new CacheAside({ load, ttlMs: 10, negativeTtlMs: -1 }))).toBe(
      "INVALID_TTL",
    );
    expect(await codeOfAsync(CacheAsideError, () => new CacheAside({ load, ttlMs: 10, errorTtlMs: Number.NaN }))).toBe(
      "INVALID_TTL",
    );
  });

  test("the construction messages name the option, the value given, and what is allowed", async () => {
    const noLoader = await messageOf(() => new CacheAside({ ttlMs: 10 } as unknown as CacheAsideOptions<string>));
    expect(noLoader).toMatch(/\bload\b/);
    expect(noLoader).toMatch(/function/i);
    const load = async () => "v";
    const cases = [
      { options: { ttlMs: 0 }, option: "ttlMs", given: "0", allowed: /positive|greater than 0|> ?0/i },
      {
        options: { ttlMs: 10, negativeTtlMs: -1 },
        option: "negativeTtlMs",
        given: "-1",
        allowed: /non-negative|>= ?0/i,
      },
      {
        options: { ttlMs: 10, errorTtlMs: Number.NaN },
        option: "errorTtlMs",
        given: "NaN",
        allowed: /non-negative|>= ?0/i,
      },
    ];
    for (const { options, option, given, allowed } of cases) {
      const message = await messageOf(() => new CacheAside({ load, ...options }));
      const words = wordsOf(message);
      ensure(
        words.includes(option) && words.includes(given) && allowed.test(message),
        `new CacheAside(${JSON.stringify(options)}) said ${JSON.stringify(message)}: name the option (${option}), ` +
          `the value given (${given}) and what it must be (${String(allowed)}).`,
      );
    }
  });

  test("an empty key is refused (thrown or rejected), and nothing is loaded", async () => {
    const { cache, calls } = setup();
    expect(await codeOfAsync(CacheAsideError, () => cache.get(""))).toBe("INVALID_KEY");
    await flushPromises();
    expect(calls).toHaveLength(0);
  });
});
