/** Grading-only: interleavings of invalidation and flights, and scale. */
import { deferred, flushPromises, type Deferred } from "#kata/testing";
import { VirtualTimers } from "#kata/sim";
import { CacheAside } from "./src/cache-aside";

/** A cache whose loads each wait on a Deferred the test settles. */
function controlled() {
  const results: Array<Deferred<string | undefined>> = [];
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
  expect(results).toHaveLength(2);
  results[1]?.resolve("new");
  expect([await old, await fresh]).toEqual(["old", "new"]);
  expect(await cache.get("k")).toBe("new");
  expect(results).toHaveLength(2);
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
  expect(results).toHaveLength(2);
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
