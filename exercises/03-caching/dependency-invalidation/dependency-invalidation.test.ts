import { EventBus } from "#kata/bus";
import { codeOf, ensure } from "#kata/testing";
import { DependencyCacheError } from "./src/errors";
import type { EntityEvent } from "./src/events";
import { DependencyCache } from "./src/dependency-cache";

function setup() {
  const bus = new EventBus<EntityEvent>();
  const cache = new DependencyCache<string>(bus);
  return { bus, cache };
}

describe("caching", () => {
  test("set and get, with or without dependencies", () => {
    const { cache } = setup();
    cache.set("profile:123", "<html>", ["user:123"]);
    cache.set("config", "{}");
    expect([cache.get("profile:123"), cache.get("config"), cache.size]).toEqual(["<html>", "{}", 2]);
    expect(cache.dependentsOf("user:123")).toEqual(["profile:123"]);
  });
});

describe("events invalidate dependents", () => {
  test("an entity.updated event drops every entry that depends on the entity, and only those", () => {
    const { bus, cache } = setup();
    cache.set("profile:123", "p", ["user:123"]);
    cache.set("feed:123", "f", ["user:123", "team:7"]);
    cache.set("profile:456", "q", ["user:456"]);
    const errors = bus.publish({ type: "entity.updated", entity: "user:123" });
    expect(errors).toEqual([]);
    expect([cache.has("profile:123"), cache.has("feed:123"), cache.has("profile:456")]).toEqual([false, false, true]);
  });

  test("entity.deleted drops dependents too", () => {
    const { bus, cache } = setup();
    cache.set("team-page:7", "t", ["team:7"]);
    bus.publish({ type: "entity.deleted", entity: "team:7" });
    expect(cache.has("team-page:7")).toBe(false);
  });

  test("invalidateEntity returns the dropped keys, sorted, and drops them all even while it walks them", () => {
    const { cache } = setup();
    for (const key of ["c", "a", "b", "d"]) cache.set(key, key, ["user:1"]);
    const dropped = cache.invalidateEntity("user:1");
    ensure(
      dropped.join() === "a,b,c,d" && cache.size === 0,
      `dropped [${dropped.join(", ")}], ${cache.size} entries left. Seed C's version deletes from the very set it iterates; ` +
        "copy the dependents before deleting (in Python it raises, in JavaScript a Set iterator silently skips or revisits).",
    );
  });

  test("an event for an entity nothing depends on changes nothing", () => {
    const { bus, cache } = setup();
    cache.set("k", "v", ["user:1"]);
    bus.publish({ type: "entity.updated", entity: "user:999" });
    expect(cache.get("k")).toBe("v");
  });

  test("setting a key again replaces its dependencies: the old entity no longer drops it", () => {
    const { bus, cache } = setup();
    cache.set("profile", "v1", ["user:1"]);
    cache.set("profile", "v2", ["user:2"]);
    bus.publish({ type: "entity.updated", entity: "user:1" });
    ensure(cache.get("profile") === "v2", "profile was re-set to depend on user:2 only; an update of user:1 must not drop it");
    expect(cache.dependentsOf("user:1")).toEqual([]);
  });

  test("after close() the cache no longer listens", () => {
    const { bus, cache } = setup();
    cache.set("k", "v", ["user:1"]);
    cache.close();
    bus.publish({ type: "entity.updated", entity: "user:1" });
    expect(cache.get("k")).toBe("v");
    expect(bus.subscribers("entity.updated")).toBe(0);
  });
});

describe("the dependency index does not leak", () => {
  test("after churn the index holds exactly the links of the entries still cached", () => {
    const { bus, cache } = setup();
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 20; i++) cache.set(`page:${i}`, `r${round}`, [`user:${round}`, `user:${round + 1}`]);
      if (round % 2 === 0) bus.publish({ type: "entity.updated", entity: `user:${round}` });
      else cache.delete(`page:${round % 20}`);
    }
    const index = cache.indexSize();
    const expectedLinks = cache.size * 2;
    ensure(
      index.links === expectedLinks && index.entities <= 2,
      `after 50 rounds ${cache.size} entries are cached, each with 2 dependencies, so the index should hold ${expectedLinks} links over 2 entities; ` +
        `it holds ${index.links} links over ${index.entities} entities. Remove a key's old links when it is set again, deleted or invalidated, and an entity once it has no dependents.`,
    );
  });

  test("invalidating everything empties the index", () => {
    const { cache } = setup();
    cache.set("a", "1", ["user:1", "user:2"]);
    cache.set("b", "2", ["user:2"]);
    cache.invalidateEntity("user:2");
    expect(cache.indexSize()).toEqual({ entities: 0, links: 0 });
  });

  test("duplicate dependencies count once", () => {
    const { cache } = setup();
    cache.set("a", "1", ["user:1", "user:1"]);
    expect(cache.indexSize()).toEqual({ entities: 1, links: 1 });
  });
});

describe("bad input", () => {
  test.each(["", 42, undefined])("key %p is INVALID_KEY", (key) => {
    const { cache } = setup();
    expect(codeOf(DependencyCacheError, () => cache.set(key as string, "v"))).toBe("INVALID_KEY");
  });

  test("an invalid entity among the dependencies is refused and nothing changes", () => {
    const { cache } = setup();
    cache.set("k", "old", ["user:1"]);
    expect(codeOf(DependencyCacheError, () => cache.set("k", "new", ["user:2", ""]))).toBe("INVALID_ENTITY");
    expect(cache.get("k")).toBe("old");
    expect(cache.dependentsOf("user:1")).toEqual(["k"]);
    expect(codeOf(DependencyCacheError, () => cache.invalidateEntity(""))).toBe("INVALID_ENTITY");
  });

  test("a malformed event on the bus is ignored, not thrown back at the publisher", () => {
    const { bus, cache } = setup();
    cache.set("k", "v", ["user:1"]);
    const errors = bus.publish({ type: "entity.updated", entity: "" });
    expect(errors).toEqual([]);
    expect(bus.publish({ type: "entity.updated" } as unknown as EntityEvent)).toEqual([]);
    expect(cache.get("k")).toBe("v");
  });
});
