import fc from "fast-check";
import { codeOf, ensure, propertySettings } from "#kata/testing";
import { CacheError } from "./src/errors";
import { LruCache } from "./src/lru-cache";

/** What every capacity-boundary failure says: the off-by-one lives at exactly this comparison. */
const AT_CAPACITY =
  "evict only when a new key arrives at a cache that already holds `capacity` entries (size === capacity), never one entry early or late";

/** A cache with `keys` set in order, checked to hold as many as its capacity allows before a test goes on. */
function filled(capacity: number, keys: string[]): LruCache<string, number> {
  const cache = new LruCache<string, number>(capacity);
  keys.forEach((key, i) => cache.set(key, i));
  const held = Math.min(capacity, new Set(keys).size);
  ensure(
    cache.size === held,
    `${keys.join(", ")} set into a cache of capacity ${capacity} must leave ${held} entries; it holds [${cache.keys().join(", ")}]: ${AT_CAPACITY}`,
  );
  return cache;
}

/** An LRU as a plain array, most recent first: obviously right, and O(n). The tests' yardstick. */
class ArrayLru {
  entries: [number, number][] = [];

  constructor(readonly capacity: number) {}

  get(key: number): number | undefined {
    const i = this.entries.findIndex(([k]) => k === key);
    if (i < 0) return undefined;
    const [entry] = this.entries.splice(i, 1);
    this.entries.unshift(entry as [number, number]);
    return entry?.[1];
  }

  set(key: number, value: number): void {
    const i = this.entries.findIndex(([k]) => k === key);
    if (i >= 0) this.entries.splice(i, 1);
    else if (this.entries.length === this.capacity) this.entries.pop();
    this.entries.unshift([key, value]);
  }

  delete(key: number): boolean {
    const i = this.entries.findIndex(([k]) => k === key);
    if (i >= 0) this.entries.splice(i, 1);
    return i >= 0;
  }
}

describe("basics", () => {
  test("a new cache is empty and keeps its capacity", () => {
    const cache = new LruCache<string, number>(3);
    expect([cache.size, cache.capacity, cache.keys()]).toEqual([0, 3, []]);
    expect(cache.get("a")).toBeUndefined();
  });

  test("set then get returns the value; falsy values are values too", () => {
    const cache = new LruCache<string, unknown>(5);
    cache.set("zero", 0);
    cache.set("empty", "");
    cache.set("no", false);
    expect([cache.get("zero"), cache.get("empty"), cache.get("no")]).toEqual([0, "", false]);
    expect(cache.size).toBe(3);
  });

  test("keys can be objects, compared by identity as in a Map", () => {
    const a = { id: 1 };
    const cache = new LruCache<object, string>(2);
    cache.set(a, "first");
    expect(cache.get(a)).toBe("first");
    expect(cache.get({ id: 1 })).toBeUndefined();
  });
});

describe("eviction order", () => {
  test("a full cache evicts the least recently used entry", () => {
    const cache = filled(3, ["a", "b", "c"]);
    cache.set("d", 3);
    ensure(
      cache.size === 3,
      `after a, b, c then d into a cache of capacity 3, it must hold 3 entries; keys are [${cache.keys().join(", ")}]: ${AT_CAPACITY}`,
    );
    ensure(
      !cache.has("a"),
      `after a, b, c then d into a cache of 3, keys are [${cache.keys().join(", ")}]; a was used longest ago and must be gone`,
    );
    expect(cache.keys()).toEqual(["d", "c", "b"]);
  });

  test("get makes an entry the most recent, so it outlives the others", () => {
    const cache = filled(3, ["a", "b", "c"]);
    cache.get("a");
    ensure(
      cache.has("a") && cache.keys()[0] === "a",
      `a hit must refresh recency: get(a) after b and c makes a the most recently used, so the order is a, c, b; it is [${cache.keys().join(", ")}]`,
    );
    cache.set("d", 3);
    ensure(
      cache.has("a") && !cache.has("b"),
      `a was read after b and c, so b is the least recent and must be evicted; keys are [${cache.keys().join(", ")}]`,
    );
    expect(cache.keys()).toEqual(["d", "a", "c"]);
  });

  test("peek, has and keys look without using", () => {
    const cache = filled(3, ["a", "b", "c"]);
    expect(cache.peek("a")).toBe(0);
    expect(cache.has("a")).toBe(true);
    cache.keys();
    cache.set("d", 3);
    ensure(!cache.has("a"), "peek and has must not refresh recency: a should have been evicted by d");
  });

  test("set on a present key updates in place and refreshes it, without evicting anything", () => {
    const cache = filled(3, ["a", "b", "c"]);
    cache.set("a", 100);
    expect(cache.size).toBe(3);
    ensure(
      cache.keys().join() === "a,c,b",
      `set on a present key is a use, as get is: after a, b, c then set(a), a is the most recently used and the order is a, c, b; it is [${cache.keys().join(", ")}]`,
    );
    cache.set("d", 3);
    expect(cache.peek("a")).toBe(100);
    expect(cache.has("b")).toBe(false);
  });

  test("updating a present key of a full cache evicts nothing, whichever key it is", () => {
    for (const key of ["a", "b", "c"]) {
      const cache = filled(3, ["a", "b", "c"]);
      cache.set(key, 100);
      const gone = ["a", "b", "c"].filter((k) => !cache.has(k));
      ensure(
        gone.length === 0 && cache.size === 3,
        `set(${key}) on a full cache where ${key} is already cached must only replace its value, but [${gone.join(", ")}] left: ` +
          "look the key up before making room; only a new key evicts",
      );
      expect(cache.peek(key)).toBe(100);
    }
  });

  test("delete frees room: the next set evicts nothing", () => {
    const cache = filled(3, ["a", "b", "c"]);
    expect(cache.delete("b")).toBe(true);
    expect(cache.delete("b")).toBe(false);
    cache.set("d", 3);
    expect(cache.keys()).toEqual(["d", "c", "a"]);
  });

  test("a cache of one holds the last key set", () => {
    const cache = filled(1, ["a", "b", "c"]);
    ensure(
      cache.keys().join() === "c",
      `a cache of capacity 1 after a, b, c must hold [c]; it holds [${cache.keys().join(", ")}]: ${AT_CAPACITY}`,
    );
  });

  test("exactly at capacity nothing is evicted; the next new key evicts exactly one, the least recently used", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.nat(), { maxLength: 30 }), (capacity, reads) => {
        const keys = Array.from({ length: capacity }, (_, i) => i);
        const cache = new LruCache<number, number>(capacity);
        const model = new ArrayLru(capacity);
        for (const key of keys) {
          cache.set(key, key);
          model.set(key, key);
        }
        for (const read of reads) {
          cache.get(read % capacity);
          model.get(read % capacity);
        }
        ensure(
          cache.size === capacity,
          `${capacity} keys set into a cache of capacity ${capacity}: it must hold all ${capacity}, it holds ${cache.size}. ${AT_CAPACITY}`,
        );
        const victim = model.entries.at(-1)?.[0];
        cache.set(capacity, capacity);
        const gone = keys.filter((k) => !cache.has(k));
        ensure(
          cache.size === capacity && gone.length === 1 && gone[0] === victim,
          `one new key into a full cache of capacity ${capacity} must evict exactly key ${victim}, the least recently used ` +
            `(a hit counts as a use, so it must refresh recency); it evicted [${gone.join(", ")}] and holds ${cache.size}. ${AT_CAPACITY}`,
        );
      }),
      propertySettings(100),
    );
  });
});

describe("behaves like the obvious array-based LRU on random operations", () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant("get" as const), key: fc.integer({ min: 0, max: 12 }) }),
    fc.record({ kind: fc.constant("set" as const), key: fc.integer({ min: 0, max: 12 }), value: fc.integer() }),
    fc.record({ kind: fc.constant("delete" as const), key: fc.integer({ min: 0, max: 12 }) }),
  );

  test("same answers, same size, same order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 200 }), (capacity, ops) => {
        const cache = new LruCache<number, number>(capacity);
        const model = new ArrayLru(capacity);
        ops.forEach((o, step) => {
          const got =
            o.kind === "get" ? cache.get(o.key) : o.kind === "delete" ? cache.delete(o.key) : cache.set(o.key, o.value);
          const want =
            o.kind === "get" ? model.get(o.key) : o.kind === "delete" ? model.delete(o.key) : model.set(o.key, o.value);
          ensure(got === want, `step ${step}, ${o.kind}(${o.key}): got ${String(got)}, expected ${String(want)}`);
          ensure(
            cache.size === model.entries.length,
            `step ${step}: size ${cache.size}, expected ${model.entries.length}`,
          );
        });
        expect(cache.keys()).toEqual(model.entries.map(([k]) => k));
      }),
      propertySettings(200),
    );
  });
});

describe("bad input", () => {
  test.each([0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "capacity %p is a CacheError INVALID_CAPACITY",
    (capacity) => {
      expect(codeOf(CacheError, () => new LruCache(capacity))).toBe("INVALID_CAPACITY");
      expect(() => new LruCache(capacity)).toThrow(/positive integer/);
    },
  );
});
