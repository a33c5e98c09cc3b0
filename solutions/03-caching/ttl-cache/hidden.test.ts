/** Grading-only tests: the cache against a plain model on random histories, and long churn. */
import fc from "fast-check";
import { ensure, propertySettings } from "#kata/testing";
import { TtlCache } from "./src/ttl-cache";

/** Entries as a plain array with expiry and order of setting; every rule of the README, by brute force. */
class Model {
  entries: Array<{ key: number; value: number; expiresAt: number; seq: number }> = [];
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

const op = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), key: fc.integer({ min: 0, max: 9 }), ttl: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant("get" as const), key: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant("delete" as const), key: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant("sweep" as const) }),
  fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 30 }) }),
);

test("random histories: every answer and the size match the model", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 150 }), (maxSize, ops) => {
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
        ensure(got === want, `step ${step} (${JSON.stringify(o)}, now ${now}): got ${String(got)}, the model says ${String(want)}`);
        ensure(cache.size === model.entries.length, `step ${step}: size ${cache.size}, the model holds ${model.entries.length}`);
      });
    }),
    propertySettings(300),
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
