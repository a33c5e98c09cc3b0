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
      `dropped [${dropped.join(", ")}], ${cache.size} entries left; all four depend on user:1. Dropping a key removes it from ` +
        "user:1's own list of dependents: walk a copy of that list, or the walk skips every other key (an array) or breaks off.",
    );
  });

  test("an event for an entity nothing depends on changes nothing, and the same event twice is harmless", () => {
    const { bus, cache } = setup();
    cache.set("k", "v", ["user:1"]);
    const unknown = bus.publish({ type: "entity.updated", entity: "user:999" });
    bus.publish({ type: "entity.deleted", entity: "user:1" });
    const repeated = bus.publish({ type: "entity.deleted", entity: "user:1" });
    ensure(
      unknown.length === 0 && repeated.length === 0,
      `the cache's handler threw ${unknown.length} time(s) for user:999, which no entry depends on, and ${repeated.length} time(s) ` +
        `for a second copy of user:1's event, whose dependents the first copy had dropped (${String(unknown[0] ?? repeated[0])}). ` +
        "Events name entities this cache never held, and a bus delivers at least once: an entity without dependents is not an error, its event drops nothing.",
    );
    expect(cache.invalidateEntity("user:999")).toEqual([]);
    expect([cache.has("k"), cache.size]).toEqual([false, 0]);
  });

  test("setting a key again replaces its dependencies: the old entity no longer drops it", () => {
    const { bus, cache } = setup();
    cache.set("profile", "v1", ["user:1"]);
    cache.set("profile", "v2", ["user:2"]);
    const formerDependents = cache.dependentsOf("user:1");
    bus.publish({ type: "entity.updated", entity: "user:1" });
    ensure(
      cache.get("profile") === "v2" && formerDependents.length === 0,
      `profile was set again to depend on user:2 only; user:1's dependents were then [${formerDependents.join(", ")}], and when user:1 changed ` +
        `profile was ${cache.has("profile") ? "kept" : "dropped"}. A change to an entity the key no longer depends on must not drop it: ` +
        "set replaces the key's links, removing those to entities not in the new list.",
    );
  });

  test("setting a key again with no dependencies leaves it depending on nothing", () => {
    const { bus, cache } = setup();
    cache.set("config", "v1", ["user:1"]);
    cache.set("config", "v2");
    const links = cache.indexSize().links;
    bus.publish({ type: "entity.updated", entity: "user:1" });
    ensure(
      cache.get("config") === "v2" && links === 0,
      `config was set again with no dependencies, after which the index held ${links} link(s), and a change to user:1, its former ` +
        `dependency, ${cache.has("config") ? "kept" : "dropped"} it. ` +
        "An empty dependency list replaces the old one like any other: set with no dependencies removes the key's old links.",
    );
  });

  test("setting a key again with an overlapping list keeps the link both lists share", () => {
    const { bus, cache } = setup();
    cache.set("feed", "v1", ["user:1", "team:7"]);
    cache.set("feed", "v2", ["user:1", "user:2"]);
    expect(cache.dependentsOf("team:7")).toEqual([]);
    bus.publish({ type: "entity.updated", entity: "user:1" });
    ensure(
      !cache.has("feed"),
      "feed was set again to depend on user:1 and user:2, then user:1 changed, yet feed is still cached: setting it again lost its link to user:1, " +
        "which both lists share. Remove the old links that are not in the new list before adding the new ones; removing every old link after adding the new ones removes the shared one too.",
    );
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

  test("a dropped entry's links leave the index with it, by delete or by invalidation", () => {
    const { cache } = setup();
    cache.set("a", "1", ["user:1", "user:2"]);
    cache.set("b", "2", ["user:2"]);
    cache.set("c", "3", ["user:3"]);
    const deleted = cache.delete("c");
    const dropped = cache.invalidateEntity("user:2");
    const index = cache.indexSize();
    const again = cache.invalidateEntity("user:2");
    ensure(
      deleted && dropped.join() === "a,b" && index.links === 0 && again.length === 0,
      `after delete("c") and invalidating user:2 (dropping a and b), nothing is cached, yet the index holds ${index.links} link(s) over ` +
        `${index.entities} entities, and invalidating user:2 again dropped [${again.join(", ")}]. A dropped entry's links must leave the index with it: ` +
        "delete and invalidation remove the key from every entity it depended on.",
    );
  });

  test("an entity whose last dependent goes leaves the index", () => {
    const { cache } = setup();
    cache.set("a", "1", ["user:1", "team:7"]);
    cache.set("b", "2", ["team:7"]);
    cache.delete("a");
    const afterDelete = cache.indexSize();
    cache.set("b", "3", ["team:8"]);
    const afterReset = cache.indexSize();
    ensure(
      afterDelete.entities === 1 && afterReset.entities === 1,
      `after delete("a") only team:7 has dependents, yet the index counts ${afterDelete.entities} entities; after b moved from team:7 to team:8 ` +
        `only team:8 has, and it counts ${afterReset.entities}. An entity with no dependents left must leave the index: remove its set when its ` +
        "last key goes, or the index grows with every entity ever mentioned.",
    );
    expect(afterReset).toEqual({ entities: 1, links: 1 });
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
