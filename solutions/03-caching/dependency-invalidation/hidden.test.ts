/** Grading-only: random histories against a brute-force model, index exactness at every step. */
import fc from "fast-check";
import { EventBus } from "#kata/bus";
import { ensure, propertySettings } from "#kata/testing";
import type { EntityEvent, EntityEventSource } from "./src/events";
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
        for (let n = 0; n < 8; n++)
          ensure(
            cache.get(`k${n}`) === model.get(`k${n}`)?.value,
            `step ${step}: k${n} is ${cache.get(`k${n}`)}, model ${model.get(`k${n}`)?.value}`,
          );
        const links = [...model.values()].reduce((sum, e) => sum + e.deps.size, 0);
        const entities = new Set([...model.values()].flatMap((e) => [...e.deps])).size;
        const index = cache.indexSize();
        ensure(
          index.links === links && index.entities === entities,
          `after ${JSON.stringify(ops.slice(0, step + 1))}: the index holds ${index.links} links over ${index.entities} entities; ` +
            `the entries still cached have ${links} links over ${entities} entities. The index must hold exactly the links of the cached entries.`,
        );
        for (let n = 0; n < 6; n++) {
          const want = [...model]
            .filter(([, e]) => e.deps.has(`e${n}`))
            .map(([k]) => k)
            .sort();
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

/**
 * Setting a key again, in every shape the new list can take against the old one. For each entity
 * of either list, a change must drop the key exactly when the new list names it.
 */
const relists: [string, string[], string[]][] = [
  ["disjoint lists", ["a", "b"], ["c"]],
  ["the new list a subset of the old", ["a", "b"], ["a"]],
  ["the new list a superset of the old", ["a"], ["a", "b"]],
  ["overlapping lists", ["a", "b"], ["b", "c"]],
  ["the same list reordered", ["a", "b"], ["b", "a"]],
  ["an empty new list", ["a", "b"], []],
  ["an empty old list", [], ["a"]],
];

test.each(relists)("a key set again depends on exactly the new list: %s", (_shape, before, after) => {
  for (const entity of new Set([...before, ...after])) {
    const bus = new EventBus<EntityEvent>();
    const cache = new DependencyCache<string>(bus);
    cache.set("page", "old", before);
    cache.set("page", "new", after);
    const links = cache.indexSize().links;
    bus.publish({ type: "entity.updated", entity });
    const shouldDrop = after.includes(entity);
    const where = before.includes(entity)
      ? shouldDrop
        ? "both lists share"
        : "only the old list names"
      : "only the new list names";
    ensure(
      cache.has("page") !== shouldDrop,
      `page depended on [${before.join(", ")}] and was set again with [${after.join(", ")}]; a change to ${entity}, which ${where}, ` +
        `${shouldDrop ? "kept" : "dropped"} it. A key set again depends on exactly its new list: a change to an entity it no longer depends on ` +
        "must not drop it, and one to an entity it still depends on must (the link both lists share has to survive).",
    );
    ensure(
      links === after.length,
      `page depended on [${before.join(", ")}] and was set again with [${after.join(", ")}]; the index then held ${links} link(s), not ${after.length}.`,
    );
  }
});

test("a malformed event (null, no entity, an empty or non-string one) is ignored; the next good one acts", () => {
  const handlers: ((event: EntityEvent) => void)[] = [];
  const source: EntityEventSource = {
    subscribe: (_type, handler) => {
      handlers.push(handler as (event: EntityEvent) => void);
      return () => undefined;
    },
  };
  const cache = new DependencyCache<string>(source);
  cache.set("page", "v", ["user:1"]);
  for (const bad of [
    null,
    undefined,
    {},
    { type: "entity.updated", entity: "" },
    { type: "entity.updated", entity: 7 },
  ])
    for (const handler of handlers) {
      ensure(
        !throws(() => handler(bad as unknown as EntityEvent)),
        `an event ${JSON.stringify(bad) ?? "undefined"} from the network threw inside the subscriber; ` +
          "a malformed event must be ignored, not thrown into the bus",
      );
    }
  ensure(cache.has("page"), "a malformed event dropped an entry: it names no entity, so it must change nothing");
  handlers[0]?.({ type: "entity.updated", entity: "user:1" });
  ensure(!cache.has("page"), "after malformed events, a well-formed one for user:1 no longer dropped its dependent");
});

function throws(run: () => void): boolean {
  try {
    run();
    return false;
  } catch {
    return true;
  }
}

test.each([
  ["an empty key", () => new DependencyCache<string>(new EventBus<EntityEvent>()).set("", "v"), /non-empty.*got ""/],
  [
    "a number as key",
    () => new DependencyCache<string>(new EventBus<EntityEvent>()).set(42 as unknown as string, "v"),
    /got 42/,
  ],
  [
    "an empty entity",
    () => new DependencyCache<string>(new EventBus<EntityEvent>()).set("k", "v", ["user:1", ""]),
    /entity ids are non-empty strings.*got ""; nothing was changed/,
  ],
  [
    "a number as entity",
    () => new DependencyCache<string>(new EventBus<EntityEvent>()).invalidateEntity(7 as unknown as string),
    /got 7/,
  ],
])("a refusal of %s says what was given and what is expected", (_what, call, message) => {
  let error: unknown;
  try {
    call();
  } catch (caught) {
    error = caught;
  }
  ensure(error instanceof Error, "a bad argument was accepted; it must be refused with a DependencyCacheError");
  expect((error as Error).message).toMatch(message);
});
