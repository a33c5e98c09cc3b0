import { codeOf, ensure } from "#kata/testing";
import { TtlCacheError } from "./src/errors";
import { TtlCache, type TtlCacheOptions } from "./src/ttl-cache";

/** A cache on a clock the test moves by hand. */
function cacheAt(start: number, options: Partial<TtlCacheOptions> = {}) {
  const clock = { now: start };
  const cache = new TtlCache<string, string>({ defaultTtlMs: 1_000, clock: () => clock.now, ...options });
  return { cache, clock };
}

describe("expiry", () => {
  test("an entry lives until set time + TTL: present 1 ms before, gone at the instant itself", () => {
    const { cache, clock } = cacheAt(10_000);
    cache.set("session", "alice");
    clock.now = 10_999;
    ensure(
      cache.get("session") === "alice",
      "set at 10,000 ms with a TTL of 1,000 ms, the entry must still be served at 10,999 ms: expired means now >= expiresAt, not one millisecond earlier",
    );
    clock.now = 11_000;
    ensure(
      cache.get("session") === undefined,
      "set at 10,000 ms with a TTL of 1,000 ms, the entry must be gone at 11,000 ms exactly: expired means now >= expiresAt",
    );
  });

  test("a TTL given to set overrides the default; setting again renews it", () => {
    const { cache, clock } = cacheAt(0);
    cache.set("short", "x", 100);
    cache.set("renewed", "y");
    clock.now = 900;
    cache.set("renewed", "y2");
    clock.now = 1_500;
    expect([cache.get("short"), cache.get("renewed")]).toEqual([undefined, "y2"]);
  });

  test("ttlRemaining counts down, and is undefined once expired", () => {
    const { cache, clock } = cacheAt(0);
    cache.set("k", "v", 500);
    clock.now = 200;
    expect(cache.ttlRemaining("k")).toBe(300);
    clock.now = 500;
    expect(cache.ttlRemaining("k")).toBeUndefined();
    expect(cache.ttlRemaining("never-set")).toBeUndefined();
  });

  test("expiry is lazy: an expired entry counts in size until a read removes it", () => {
    const { cache, clock } = cacheAt(0);
    cache.set("a", "1", 100);
    cache.set("b", "2", 100);
    clock.now = 100;
    expect(cache.size).toBe(2);
    expect(cache.has("a")).toBe(false);
    expect(cache.size).toBe(1);
  });
});

describe("sweep", () => {
  test("removes every expired entry and only those, and says how many", () => {
    const { cache, clock } = cacheAt(0);
    cache.set("old-1", "x", 100);
    cache.set("old-2", "x", 200);
    cache.set("live", "x", 5_000);
    cache.set("edge", "x", 300);
    clock.now = 300;
    const removed = cache.sweep();
    ensure(
      removed === 3 && cache.size === 1,
      `a sweep at 300 ms must remove old-1, old-2 and edge, which expires at exactly 300 ms; it removed ${removed} and left ${cache.size}. ` +
        "The sweep uses the same rule as get: expired means now >= expiresAt",
    );
    expect(cache.get("live")).toBe("x");
    expect(cache.sweep()).toBe(0);
  });

  test("an entry renewed after it was first set is not swept on its old expiry", () => {
    const { cache, clock } = cacheAt(0);
    cache.set("k", "v", 100);
    clock.now = 50;
    cache.set("k", "v2", 1_000);
    clock.now = 200;
    const removed = cache.sweep();
    ensure(
      removed === 0 && cache.get("k") === "v2",
      `k was renewed at 50 ms until 1,050 ms, so its old expiry (100 ms) no longer applies and a sweep at 200 ms must leave it; ` +
        `the sweep removed ${removed}. A renewal leaves the old entry in any expiry order you keep: when it surfaces, check that it is still the key's current entry`,
    );
  });

  test("a deleted entry is not counted by a later sweep", () => {
    const { cache, clock } = cacheAt(0);
    cache.set("k", "v", 100);
    expect(cache.delete("k")).toBe(true);
    clock.now = 200;
    expect(cache.sweep()).toBe(0);
  });
});

describe("maxSize", () => {
  test("a full cache drops expired entries before any live one", () => {
    const { cache, clock } = cacheAt(0, { maxSize: 3 });
    cache.set("expired", "x", 10);
    cache.set("live-1", "x", 1_000);
    cache.set("live-2", "x", 2_000);
    clock.now = 50;
    cache.set("new", "x");
    expect(["live-1", "live-2", "new"].map((k) => cache.has(k))).toEqual([true, true, true]);
    expect(cache.size).toBe(3);
  });

  test("with nothing expired, the entry that expires soonest leaves; on a tie, the one set first", () => {
    const { cache } = cacheAt(0, { maxSize: 5 });
    const tied = ["soon-a", "soon-b", "soon-c", "soon-d"];
    cache.set("late", "x", 5_000);
    for (const key of tied) cache.set(key, "x", 1_000);
    tied.forEach((expected, i) => {
      cache.set(`new-${i}`, "x", 3_000);
      const gone = [...tied, "late"].filter((k) => !cache.has(k));
      ensure(
        gone.join() === tied.slice(0, i + 1).join(),
        `${tied.join(", ")} all expire at 1,000 ms and were set in that order; after ${i + 1} new key(s) into the full cache the evicted must be ` +
          `[${tied.slice(0, i + 1).join(", ")}], got [${gone.join(", ")}]: the entry that expires soonest leaves, and among entries that expire ` +
          "at the same instant, the one set first (order by expiry, then by order of setting)",
      );
    });
    expect(cache.has("late")).toBe(true);
  });

  test("updating a key already present never evicts", () => {
    const { cache } = cacheAt(0, { maxSize: 2 });
    cache.set("a", "1");
    cache.set("b", "2");
    cache.set("a", "1b");
    expect([cache.get("a"), cache.get("b"), cache.size]).toEqual(["1b", "2", 2]);
  });
});

describe("bad input", () => {
  test.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, "10"])(
    "a TTL of %p is INVALID_TTL, and the cache is unchanged",
    (ttl) => {
      const { cache } = cacheAt(0);
      cache.set("k", "kept");
      expect(codeOf(TtlCacheError, () => cache.set("k", "lost", ttl as number))).toBe("INVALID_TTL");
      ensure(
        cache.get("k") === "kept" && cache.size === 1,
        `set("k", "lost", ${typeof ttl === "string" ? JSON.stringify(ttl) : String(ttl)}) threw INVALID_TTL, yet k is ${String(cache.get("k"))}: a call that throws changes nothing, ` +
          "so check the TTL before removing or replacing anything",
      );
    },
  );

  test("a bad default TTL or maxSize is refused at construction", () => {
    expect(codeOf(TtlCacheError, () => new TtlCache({ defaultTtlMs: 0 }))).toBe("INVALID_TTL");
    expect(codeOf(TtlCacheError, () => new TtlCache({ defaultTtlMs: 100, maxSize: 0 }))).toBe("INVALID_MAX_SIZE");
    expect(codeOf(TtlCacheError, () => new TtlCache({ defaultTtlMs: 100, maxSize: 1.5 }))).toBe("INVALID_MAX_SIZE");
  });

  test("maxSize may be omitted: no bound", () => {
    expect(new TtlCache({ defaultTtlMs: 100 }).maxSize).toBe(Number.POSITIVE_INFINITY);
  });
});
