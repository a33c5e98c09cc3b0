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
    expect(cache.get("session")).toBe("alice");
    clock.now = 11_000;
    ensure(cache.get("session") === undefined, "set at 10,000 ms with a TTL of 1,000 ms, the entry must be gone at 11,000 ms exactly: expired means now >= expiry");
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
    expect(cache.sweep()).toBe(3);
    expect(cache.size).toBe(1);
    expect(cache.get("live")).toBe("x");
    expect(cache.sweep()).toBe(0);
  });

  test("an entry renewed after it was first set is not swept on its old expiry", () => {
    const { cache, clock } = cacheAt(0);
    cache.set("k", "v", 100);
    clock.now = 50;
    cache.set("k", "v2", 1_000);
    clock.now = 200;
    expect(cache.sweep()).toBe(0);
    expect(cache.get("k")).toBe("v2");
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
    const { cache } = cacheAt(0, { maxSize: 3 });
    cache.set("late", "x", 5_000);
    cache.set("soon-a", "x", 1_000);
    cache.set("soon-b", "x", 1_000);
    cache.set("new", "x", 3_000);
    ensure(!cache.has("soon-a") && cache.has("soon-b"), "soon-a and soon-b expire together; soon-a was set first, so it is the one to go");
    cache.set("newer", "x", 3_000);
    expect(cache.has("soon-b")).toBe(false);
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
  test.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, "10"])("a TTL of %p is INVALID_TTL, and the cache is unchanged", (ttl) => {
    const { cache } = cacheAt(0);
    cache.set("k", "kept");
    expect(codeOf(TtlCacheError, () => cache.set("k", "lost", ttl as number))).toBe("INVALID_TTL");
    expect(cache.get("k")).toBe("kept");
  });

  test("a bad default TTL or maxSize is refused at construction", () => {
    expect(codeOf(TtlCacheError, () => new TtlCache({ defaultTtlMs: 0 }))).toBe("INVALID_TTL");
    expect(codeOf(TtlCacheError, () => new TtlCache({ defaultTtlMs: 100, maxSize: 0 }))).toBe("INVALID_MAX_SIZE");
    expect(codeOf(TtlCacheError, () => new TtlCache({ defaultTtlMs: 100, maxSize: 1.5 }))).toBe("INVALID_MAX_SIZE");
  });

  test("maxSize may be omitted: no bound", () => {
    expect(new TtlCache({ defaultTtlMs: 100 }).maxSize).toBe(Number.POSITIVE_INFINITY);
  });
});
