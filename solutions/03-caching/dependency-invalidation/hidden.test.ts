/** Grading-only: random histories against a brute-force model, index exactness at every step. */
import fc from "fast-check";
import { EventBus } from "#kata/bus";
import { ensure, propertySettings } from "#kata/testing";
import type { EntityEvent } from "./src/events";
import { DependencyCache } from "./src/dependency-cache";

const entity = fc.integer({ min: 0, max: 5 }).map((n) => `e${n}`);
const key = fc.integer({ min: 0, max: 7 }).map((n) => `k${n}`);
const op = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), key, deps: fc.array(entity, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant("delete" as const), key }),
  fc.record({ kind: fc.constant("event" as const), entity }),
);

test("random histories: contents, dependents and index size always match a brute-force model", () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
      const bus = new EventBus<EntityEvent>();
      const cache = new DependencyCache<number>(bus);
      const model = new Map<string, { value: number; deps: Set<string> }>();
      ops.forEach((o, step) => {
        if (o.kind === "set") {
          cache.set(o.key, step, o.deps);
          model.set(o.key, { value: step, deps: new Set(o.deps) });
        } else if (o.kind === "delete") {
          ensure(cache.delete(o.key) === model.delete(o.key), `step ${step}: delete(${o.key}) disagrees`);
        } else {
          bus.publish({ type: "entity.updated", entity: o.entity });
          for (const [k, e] of model) if (e.deps.has(o.entity)) model.delete(k);
        }
        for (let n = 0; n < 8; n++) ensure(cache.get(`k${n}`) === model.get(`k${n}`)?.value, `step ${step}: k${n} is ${cache.get(`k${n}`)}, model ${model.get(`k${n}`)?.value}`);
        const links = [...model.values()].reduce((sum, e) => sum + e.deps.size, 0);
        const entities = new Set([...model.values()].flatMap((e) => [...e.deps])).size;
        expect(cache.indexSize()).toEqual({ entities, links });
        for (let n = 0; n < 6; n++) {
          const want = [...model].filter(([, e]) => e.deps.has(`e${n}`)).map(([k]) => k).sort();
          expect(cache.dependentsOf(`e${n}`)).toEqual(want);
        }
      });
    }),
    propertySettings(200),
  );
});

test("two caches on one bus are invalidated independently by the same event", () => {
  const bus = new EventBus<EntityEvent>();
  const a = new DependencyCache<string>(bus);
  const b = new DependencyCache<string>(bus);
  a.set("x", "1", ["user:1"]);
  b.set("x", "2", ["user:2"]);
  bus.publish({ type: "entity.updated", entity: "user:1" });
  expect([a.has("x"), b.has("x")]).toEqual([false, true]);
});

test("a value of undefined-like shapes is cached as given", () => {
  const bus = new EventBus<EntityEvent>();
  const cache = new DependencyCache<number | null>(bus);
  cache.set("zero", 0, ["e"]);
  cache.set("null", null, ["e"]);
  expect([cache.get("zero"), cache.get("null"), cache.size]).toEqual([0, null, 2]);
});
