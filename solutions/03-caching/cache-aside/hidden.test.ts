/** Grading-only: interleavings of invalidation and flights, expiry instants, and scale. */
import fc from "fast-check";
import { deferred, ensure, flushPromises, propertySettings, type Deferred } from "#kata/testing";
import { VirtualTimers } from "#kata/sim";
import { CacheAside } from "./src/cache-aside";
import { CacheAsideError } from "./src/errors";

/** The CacheAsideError that `act` throws or rejects with. */
async function refusal(act: () => unknown): Promise<CacheAsideError> {
  try {
    await act();
  } catch (error) {
    if (error instanceof CacheAsideError) return error;
    throw error;
  }
  throw new Error("expected a CacheAsideError, but the call succeeded");
}

/** A cache whose loads each wait on a Deferred the test settles. */
function controlled() {
  const results: Deferred<string | undefined>[] = [];
  const cache = new CacheAside<string>({
    ttlMs: 1_000,
    load: () => {
      const d = deferred<string | undefined>();
      results.push(d);
      return d.promise;
    },
  });
  return { cache, results };
}

test("a reader after invalidate() does not join the old flight: it starts a fresh load", async () => {
  const { cache, results } = controlled();
  const old = cache.get("k");
  cache.invalidate("k");
  const fresh = cache.get("k");
  await flushPromises();
  results[0]?.resolve("old");
  await flushPromises();
  ensure(
    results.length === 2,
    "a get after invalidate() joined the load that started before it, and so gets the value the invalidation replaced: invalidate() must also unregister the running load (it still answers the readers that joined it, it is just not shared any more)",
  );
  results[1]?.resolve("new");
  expect([await old, await fresh]).toEqual(["old", "new"]);
  expect(await cache.get("k")).toBe("new");
  expect(results).toHaveLength(2);
});

test("a superseded load that settles does not unregister the load that replaced it", async () => {
  const { cache, results } = controlled();
  const old = cache.get("k");
  cache.invalidate("k");
  const replacement = cache.get("k");
  await flushPromises();
  results[0]?.resolve("old");
  await old;
  await flushPromises();
  const joiner = cache.get("k");
  await flushPromises();
  ensure(
    results.length === 2,
    "a get made while the replacement load was running started a third load: when the overtaken load settled, it unregistered the key's flight by key and so removed its replacement. A flight may unregister itself only while it is still the key's registered flight",
  );
  results[1]?.resolve("new");
  const answers = [await replacement, await joiner];
  ensure(
    answers.every((a) => a === "new"),
    `the readers after invalidate() got [${answers.join(", ")}], not the new value. Either they joined the overtaken load (invalidate() must unregister it) or its old result was stored (a load overtaken by invalidate() must not be cached)`,
  );
});

test("values, 'not found' and errors are each served up to, and never at, their expiry instant", async () => {
  const kinds = ["value", "absent", "error"] as const;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...kinds),
      fc.integer({ min: 1, max: 5_000 }),
      fc.integer({ min: 0, max: 1_000_000 }),
      async (kind, ttl, settledAt) => {
        let now = 0;
        let calls = 0;
        const loaderCalls = (): number => calls; // read through a call: each get below may change it
        const pending: Deferred<string | undefined>[] = [];
        const cache = new CacheAside<string>({
          ttlMs: ttl,
          negativeTtlMs: ttl,
          errorTtlMs: ttl,
          clock: () => now,
          load: () => {
            calls++;
            const d = deferred<string | undefined>();
            pending.push(d);
            return d.promise;
          },
        });
        const first = cache.get("k").catch(() => "failed");
        await flushPromises();
        now = settledAt; // the TTL runs from when the load settles
        if (kind === "value") pending[0]?.resolve("v");
        else if (kind === "absent") pending[0]?.resolve(undefined);
        else pending[0]?.reject(new Error("database down"));
        await first;
        const expiresAt = settledAt + ttl;
        // The instants that matter, not uniform ones: the last fresh millisecond, and the expiry instant.
        now = expiresAt - 1;
        await cache.get("k").catch(() => undefined);
        ensure(
          loaderCalls() === 1,
          `${kind} cached at ${settledAt} for ${ttl} ms is fresh at ${now}, one ms before it expires, but the get called the loader again`,
        );
        now = expiresAt;
        void cache.get("k").catch(() => undefined);
        await flushPromises();
        const orStuck =
          kind === "error"
            ? "; or else the failed flight was left registered, so the get joined its old rejection instead of loading"
            : "";
        ensure(
          loaderCalls() === 2,
          `${kind} cached at ${settledAt} for ${ttl} ms was served again at exactly ${expiresAt}, its expiry instant: an entry is fresh only while now < cachedAt + ttl, so at that instant the get must load again${orStuck}`,
        );
      },
    ),
    propertySettings(200),
  );
});

test("1,000 gets over 100 keys, all at once, cost exactly 100 loads", async () => {
  const timers = new VirtualTimers();
  let loads = 0;
  const cache = new CacheAside<string>({
    ttlMs: 1_000,
    clock: () => timers.now(),
    load: async (key) => {
      loads++;
      await timers.sleep(3);
      return key.toUpperCase();
    },
  });
  const gets = Array.from({ length: 1_000 }, (_, i) => cache.get(`k${i % 100}`));
  const all = Promise.all(gets);
  await timers.runUntilIdle();
  expect((await all)[42]).toBe("K42");
  expect(loads).toBe(100);
  expect(cache.stats.loads).toBe(100);
});

test("after a failure, a second flight for the key works as the first did", async () => {
  const { cache, results } = controlled();
  const failing = [cache.get("k"), cache.get("k")];
  await flushPromises();
  results[0]?.reject(new Error("x"));
  await Promise.allSettled(failing);
  const next = [cache.get("k"), cache.get("k"), cache.get("k")];
  await flushPromises();
  ensure(
    results.length === 2,
    `after a failed load, three gets made ${results.length - 1} new loader calls instead of 1. None: the failed flight was left registered (or the error cached with errorTtlMs 0), so they joined its old rejection. More than one: the second flight is not shared`,
  );
  results[1]?.resolve("ok");
  expect(await Promise.all(next)).toEqual(["ok", "ok", "ok"]);
});

test("warm() refreshes an entry's lifetime, and prefetch() of fresh keys loads nothing", async () => {
  let now = 0;
  let loads = 0;
  const cache = new CacheAside<string>({ ttlMs: 100, clock: () => now, load: async () => (loads++, "loaded") });
  cache.warm([["a", "warm"]]);
  now = 90;
  cache.warm([["a", "warmer"]]);
  now = 150;
  expect(await cache.get("a")).toBe("warmer");
  expect(await cache.prefetch(["a"])).toBe(0);
  expect(loads).toBe(0);
});

test("with a TTL of 0 nothing is stored, so a clock that steps back revives nothing", async () => {
  // A wall clock can step back (an NTP correction). An entry written with expiresAt = now + 0 would be
  // fresh again at any earlier instant; a TTL of 0 must mean the result is never stored at all.
  let now = 1_000;
  let loads = 0;
  const cache = new CacheAside<string>({
    ttlMs: 1_000,
    clock: () => now,
    load: async (key) => {
      loads++;
      if (key === "broken") throw new Error("database down");
      return undefined;
    },
  });
  await expect(cache.get("broken")).rejects.toThrow("database down");
  expect(await cache.get("ghost")).toBeUndefined();
  now = 500;
  await cache.get("broken").catch(() => undefined);
  await cache.get("ghost");
  ensure(
    loads === 4,
    `with errorTtlMs and negativeTtlMs 0 (the defaults), an error and a "not found" were answered without the loader after the clock stepped back from 1000 to 500 (${loads} loads, not 4): a TTL of 0 caches nothing, so do not store the entry at all`,
  );
});

test("a TTL given as a string (read from the environment, say) is refused with INVALID_TTL", async () => {
  const load = async (): Promise<string> => "v";
  const error = await refusal(() => new CacheAside({ load, ttlMs: "1000" as unknown as number }));
  ensure(
    error.code === "INVALID_TTL",
    `new CacheAside({ ttlMs: "1000" }) gave ${error.code}: a TTL must be a number; Number.isFinite("1000") is false, while the global isFinite converts the string first`,
  );
});

test("keys that are not strings are refused with INVALID_KEY, and nothing is loaded", async () => {
  const { cache, results } = controlled();
  for (const key of [42, undefined, null, { userId: 42 }]) {
    const error = await refusal(() => cache.get(key as unknown as string));
    expect(error.code).toBe("INVALID_KEY");
    expect((await refusal(() => cache.invalidate(key as unknown as string))).code).toBe("INVALID_KEY");
  }
  await flushPromises();
  expect(results).toHaveLength(0);
});

test("the INVALID_KEY message shows the key given as it is, not as [object Object]", async () => {
  const { cache } = controlled();
  const { message } = await refusal(() => cache.get({ userId: 42 } as unknown as string));
  ensure(
    message.includes("userId") && /non-empty string/i.test(message),
    `get({ userId: 42 }) said ${JSON.stringify(message)}: say that keys are non-empty strings and show the key given as it is ` +
      "(JSON.stringify does; String(value) turns every object into [object Object]).",
  );
});
