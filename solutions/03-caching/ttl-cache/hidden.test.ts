/** Grading-only tests: the cache against a plain model on random histories, and long churn. */
import fc from "fast-check";
import { ensure, messageOf, propertySettings } from "#kata/testing";
import { TtlCacheError } from "./src/errors";
import { TtlCache } from "./src/ttl-cache";

/** Entries as a plain array with expiry and order of setting; every rule of the README, by brute force. */
class Model {
  entries: { key: number; value: number; expiresAt: number; seq: number }[] = [];
  seq = 0;

  constructor(
    readonly maxSize: number,
    readonly now: () => number,
  ) {}

  private expired(e: { expiresAt: number }): boolean {
    return e.expiresAt <= this.now();
  }

  set(key: number, value: number, ttl: number): void {
    const present = this.entries.some((e) => e.key === key);
    if (!present && this.entries.length >= this.maxSize) {
      if (this.sweep() === 0) {
        const soonest = [...this.entries].sort((a, b) => a.expiresAt - b.expiresAt || a.seq - b.seq)[0];
        this.entries = this.entries.filter((e) => e !== soonest);
      }
    }
    this.entries = this.entries.filter((e) => e.key !== key);
    this.entries.push({ key, value, expiresAt: this.now() + ttl, seq: this.seq++ });
  }

  get(key: number): number | undefined {
    const e = this.entries.find((x) => x.key === key);
    if (e && this.expired(e)) {
      this.entries = this.entries.filter((x) => x !== e);
      return undefined;
    }
    return e?.value;
  }

  delete(key: number): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.key !== key);
    return this.entries.length < before;
  }

  sweep(): number {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => !this.expired(e));
    return before - this.entries.length;
  }
}

type Op =
  | { kind: "set"; key: number; ttl: number }
  | { kind: "get" | "delete"; key: number }
  | { kind: "sweep" }
  | { kind: "advance"; ms: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("set" as const),
    key: fc.integer({ min: 0, max: 9 }),
    ttl: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({ kind: fc.constant("get" as const), key: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant("delete" as const), key: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant("sweep" as const) }),
  fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 30 }) }),
);

/** Runs `ops` on the cache and the model side by side; fails at the first answer or size that differs. */
function agreeWithModel(maxSize: number, ops: Op[]): void {
  let now = 0;
  const cache = new TtlCache<number, number>({ defaultTtlMs: 20, maxSize, clock: () => now });
  const model = new Model(maxSize, () => now);
  ops.forEach((o, step) => {
    let got: unknown;
    let want: unknown;
    switch (o.kind) {
      case "set":
        cache.set(o.key, step, o.ttl);
        model.set(o.key, step, o.ttl);
        break;
      case "get":
        [got, want] = [cache.get(o.key), model.get(o.key)];
        break;
      case "delete":
        [got, want] = [cache.delete(o.key), model.delete(o.key)];
        break;
      case "sweep":
        [got, want] = [cache.sweep(), model.sweep()];
        break;
      case "advance":
        now += o.ms;
        break;
    }
    ensure(
      got === want,
      `step ${step} (${JSON.stringify(o)}, now ${now}): got ${String(got)}, the model says ${String(want)}`,
    );
    ensure(
      cache.size === model.entries.length,
      `step ${step}: size ${cache.size}, the model holds ${model.entries.length}`,
    );
  });
}

test("random histories: every answer and the size match the model", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 150 }), agreeWithModel),
    propertySettings(300),
  );
});

test("long churn on a few keys: after hundreds of renewals the expiry order still answers like the model", () => {
  // Mostly renewals of 4 keys with varied TTLs: the cache's expiry bookkeeping fills with entries
  // that renewals replaced, and whatever it does to stay small (a rebuild, a compaction) must keep
  // the order by expiry, then by the order set.
  const churn = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant("set" as const),
        key: fc.integer({ min: 0, max: 4 }),
        ttl: fc.integer({ min: 1, max: 400 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 40 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("get" as const), key: fc.integer({ min: 0, max: 4 }) }) },
    { weight: 1, arbitrary: fc.constant({ kind: "sweep" as const }) },
  );
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 4 }), fc.array(churn, { maxLength: 400, size: "max" }), agreeWithModel),
    // No shrinking: replaying hundreds of operations per shrink step took minutes; the failure's
    // own message already names the step, the operation and both answers.
    { ...propertySettings(40), endOnFailure: true },
  );
});

test("one key renewed 100,000 times is one entry, and expires once", () => {
  let now = 0;
  const cache = new TtlCache<string, number>({ defaultTtlMs: 1_000, clock: () => now });
  for (let i = 0; i < 100_000; i++) {
    now = i;
    cache.set("hot", i);
  }
  expect(cache.size).toBe(1);
  now = 100_000 + 1_000;
  expect(cache.sweep()).toBe(1);
  expect(cache.size).toBe(0);
});

test("a full cache of 10,000 with half of it expired makes room by sweeping, keeping every live entry", () => {
  let now = 0;
  const cache = new TtlCache<number, number>({ defaultTtlMs: 1_000, maxSize: 10_000, clock: () => now });
  for (let k = 0; k < 10_000; k++) cache.set(k, k, k % 2 === 0 ? 10 : 100_000);
  now = 20;
  cache.set(-1, -1);
  expect(cache.size).toBe(5_001);
  expect(cache.get(1)).toBe(1);
  expect(cache.get(9_999)).toBe(9_999);
});

describe("the edges random histories rarely hit", () => {
  /** Times drawn on and next to an expiry instant: set at `at` with `ttl`, looked at expiresAt + offset. */
  const probe = fc.record({
    at: fc.integer({ min: 0, max: 1_000_000 }),
    ttl: fc.integer({ min: 1, max: 5_000 }),
    offset: fc.constantFrom(-1, 0, 1),
  });

  test("get, has, ttlRemaining and sweep agree at expiresAt - 1, expiresAt and expiresAt + 1", () => {
    fc.assert(
      fc.property(probe, ({ at, ttl, offset }) => {
        const expiresAt = at + ttl;
        const now = expiresAt + offset;
        const gone = offset >= 0;
        const fresh = () => {
          let clock = at;
          const cache = new TtlCache<string, string>({ defaultTtlMs: 1_000, clock: () => clock });
          cache.set("k", "v", ttl);
          clock = now;
          return cache;
        };
        const when = `set at ${at} ms with a TTL of ${ttl} ms (expiresAt ${expiresAt}), looked at ${now} ms`;
        const rule = "expired means now >= expiresAt";
        ensure(fresh().get("k") === (gone ? undefined : "v"), `${when}: get must ${gone ? "miss" : "hit"}; ${rule}`);
        ensure(fresh().has("k") === !gone, `${when}: has must say ${!gone}; ${rule}`);
        ensure(
          fresh().ttlRemaining("k") === (gone ? undefined : 1),
          `${when}: ttlRemaining must be ${gone ? "undefined" : "1"}; ${rule}`,
        );
        const swept = fresh().sweep();
        ensure(
          swept === (gone ? 1 : 0),
          `${when}: sweep must remove ${gone ? 1 : 0} entry, it removed ${swept}. The sweep uses the same rule as get: ${rule}`,
        );
      }),
      propertySettings(300),
    );
  });

  test("a full cache of tied expiries evicts them in the order they were set", () => {
    // Few distinct TTLs, so most entries share an expiry instant with others.
    const tiedTtls = fc.array(fc.constantFrom(100, 200, 300), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(tiedTtls, (ttls) => {
        const now = 0;
        const maxSize = ttls.length;
        const cache = new TtlCache<string, number>({ defaultTtlMs: 10_000, maxSize, clock: () => now });
        ttls.forEach((ttl, i) => cache.set(`k${i}`, i, ttl));
        const expected = ttls.map((ttl, i) => ({ key: `k${i}`, ttl, i })).sort((a, b) => a.ttl - b.ttl || a.i - b.i);
        const evicted: string[] = [];
        expected.forEach(({ key, ttl }, n) => {
          cache.set(`new${n}`, n);
          const gone = ttls.map((_, i) => `k${i}`).filter((k) => !cache.has(k) && !evicted.includes(k));
          ensure(
            gone.length === 1 && gone[0] === key,
            `TTLs [${ttls.join(", ")}] set in order as k0, k1, ...; new key ${n + 1} into the full cache must evict ${key} (TTL ${ttl}), ` +
              `it evicted [${gone.join(", ")}]: the entry that expires soonest leaves, and among entries that expire at the same instant, the one set first`,
          );
          evicted.push(key);
        });
      }),
      propertySettings(200),
    );
  });

  test("a renewed entry answers to its new expiry only: sweeps at the old instant, and a full cache, leave it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 1_000 }),
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 5_000 }),
        (oldTtl, renewFraction, extra) => {
          let now = 0;
          const cache = new TtlCache<string, string>({ defaultTtlMs: 1_000, maxSize: 2, clock: () => now });
          cache.set("k", "old", oldTtl);
          now = Math.floor((oldTtl * renewFraction) / 1_000); // renewed before the old expiry
          const newTtl = oldTtl - now + extra; // ... until after it
          cache.set("k", "new", newTtl);
          const story = `k set at 0 ms until ${oldTtl} ms, renewed at ${now} ms until ${now + newTtl} ms`;
          now = oldTtl;
          const removed = cache.sweep();
          ensure(
            removed === 0 && cache.size === 1,
            `${story}: its old expiry no longer applies, so a sweep at ${oldTtl} ms must leave it (removed ${removed}). ` +
              "When an old entry surfaces in your expiry order, check it is still the key's current entry",
          );
          cache.set("other", "o", newTtl + extra + 1); // full now: 2 entries
          cache.set("third", "t", 10 * (newTtl + extra)); // must evict k, the one that expires soonest by its new expiry
          ensure(
            !cache.has("k") && cache.has("other") && cache.has("third"),
            `${story}: with "other" expiring later, a full cache must evict k by its new expiry, and only it; ` +
              `k ${cache.has("k") ? "stayed" : "left"}, other ${cache.has("other") ? "stayed" : "left"}`,
          );
        },
      ),
      propertySettings(200),
    );
  });

  test("a renewal's leftover entry is never what a full cache evicts", () => {
    let now = 0;
    const cache = new TtlCache<string, string>({ defaultTtlMs: 1_000, maxSize: 2, clock: () => now });
    cache.set("k", "old", 100);
    cache.set("k", "new", 1_000); // renewed at once: k now expires at 1,000 ms
    cache.set("other", "o", 500);
    now = 10;
    cache.set("third", "t", 2_000); // full: the soonest current expiry is other's (500 ms)
    ensure(
      cache.has("k") && !cache.has("other") && cache.has("third"),
      `k renewed until 1,000 ms, other until 500 ms, then a third key into the full cache: other must go (it expires soonest); ` +
        `k ${cache.has("k") ? "stayed" : "left"}, other ${cache.has("other") ? "stayed" : "left"}. ` +
        "The entry k had before its renewal is still in your expiry order: skip it, it no longer stands for k",
    );
  });
});

describe("bad input: each refusal names the option and the value", () => {
  test("set's TTL, the default TTL and maxSize", () => {
    const cache = new TtlCache<string, string>({ defaultTtlMs: 100 });
    const setMessage = messageOf(TtlCacheError, () => cache.set("k", "v", -5));
    ensure(
      setMessage.includes("ttlMs") && setMessage.includes("-5"),
      `set("k", "v", -5) must name ttlMs and -5, said: ${setMessage}`,
    );
    const defaultMessage = messageOf(TtlCacheError, () => new TtlCache({ defaultTtlMs: Number.NaN }));
    ensure(
      defaultMessage.includes("defaultTtlMs") && defaultMessage.includes("NaN"),
      `new TtlCache({ defaultTtlMs: NaN }) must name defaultTtlMs and NaN, said: ${defaultMessage}`,
    );
    const sizeMessage = messageOf(TtlCacheError, () => new TtlCache({ defaultTtlMs: 100, maxSize: 2.5 }));
    ensure(
      sizeMessage.includes("maxSize") && sizeMessage.includes("2.5"),
      `maxSize 2.5 must be named with its value, said: ${sizeMessage}`,
    );
  });
});
