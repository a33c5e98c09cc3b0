import { EventBus } from "#kata/bus";
import { codeOf, ensure } from "#kata/testing";
import { CacheNodeError } from "./src/errors";
import { CacheNode, Database, SharedCache, type InvalidationEvent } from "./src/cache-node";

function cluster(nodes = 3, l1Capacity = 100) {
  const bus = new EventBus<InvalidationEvent>();
  const l2 = new SharedCache<string>();
  const database = new Database<string>();
  const all = Array.from(
    { length: nodes },
    (_, i) => new CacheNode<string>({ id: `app-${i}`, l1Capacity, l2, database, bus }),
  );
  return { bus, l2, database, nodes: all };
}

describe("reads fill the levels", () => {
  test("a first read goes to the database and fills L2 and L1; the next read on that node is an L1 hit", () => {
    const { database, l2, nodes } = cluster();
    database.write("user:1", "Ada");
    const [a] = nodes;
    expect(a?.get("user:1")).toBe("Ada");
    expect(a?.get("user:1")).toBe("Ada");
    expect(database.reads).toBe(1);
    expect(l2.gets).toBe(1);
    expect(a?.stats()).toMatchObject({ reads: 2, l1Hits: 1, l2Hits: 0, databaseReads: 1 });
  });

  test("another node's first read is an L2 hit, not a database read", () => {
    const { database, nodes } = cluster();
    database.write("user:1", "Ada");
    nodes[0]?.get("user:1");
    expect(nodes[1]?.get("user:1")).toBe("Ada");
    expect(database.reads).toBe(1);
    expect(nodes[1]?.stats()).toMatchObject({ reads: 1, l1Hits: 0, l2Hits: 1, databaseReads: 0, l2HitRatio: 1 });
  });

  test("'not found' is not cached at any level", () => {
    const { database, nodes } = cluster();
    expect(nodes[0]?.get("ghost")).toBeUndefined();
    database.write("ghost", "boo");
    expect(nodes[0]?.get("ghost")).toBe("boo");
  });

  test("each L1 is an LRU of l1Capacity entries", () => {
    const { database, l2, nodes } = cluster(1, 2);
    for (const k of ["a", "b", "c"]) database.write(k, k);
    const node = nodes[0] as CacheNode<string>;
    for (const k of ["a", "b", "a", "c", "a", "b"]) node.get(k);
    // a, b, c, then b was evicted by c (a was fresher), so the last b goes below L1.
    expect(node.stats().l1Hits).toBe(2);
    expect(l2.gets).toBe(4);
  });
});

describe("writes invalidate every other L1", () => {
  test("after a write through one node, no node reads the old value", () => {
    const { database, nodes } = cluster();
    database.write("user:1", "v1");
    for (const node of nodes) node.get("user:1");
    nodes[0]?.set("user:1", "v2");
    const seen = nodes.map((node) => node.get("user:1"));
    ensure(
      seen.every((v) => v === "v2"),
      `after app-0 wrote v2, the nodes read [${seen.join(", ")}]. Either a node kept v1 in its L1 (drop the key when another node's invalidation arrives), or it dropped it and refilled its L1 from an L2 that still held v1 (the write must update the shared L2 too)`,
    );
  });

  test("the write goes through to the database and the L2", () => {
    const { database, l2, nodes } = cluster();
    nodes[1]?.set("k", "v");
    expect(database.read("k")).toBe("v");
    const shared = l2.get("k");
    ensure(
      shared === "v",
      `after set("k", "v") the shared L2 holds ${String(shared)}: the write must update the L2 as well as the database, or every node that drops its L1 copy refills it from the old one`,
    );
  });

  test("the writer keeps its own new value in L1: its next read is an L1 hit", () => {
    const { nodes } = cluster();
    nodes[0]?.set("k", "mine");
    expect(nodes[0]?.get("k")).toBe("mine");
    ensure(
      nodes[0]?.stats().l1Hits === 1,
      "the writer's read just after its own set() missed its L1. Either set() did not put the new value in the writer's L1, or the writer dropped it when its own invalidation came back (ignore events whose from is your own id)",
    );
  });

  test("delete removes the key everywhere", () => {
    const { database, nodes } = cluster();
    database.write("k", "v");
    for (const node of nodes) node.get("k");
    nodes[2]?.delete("k");
    const seen = nodes.map((node) => String(node.get("k")));
    ensure(
      seen.every((v) => v === "undefined"),
      `after app-2 deleted k, the nodes read [${seen.join(", ")}]. Either a node kept k in its L1 (delete must publish the invalidation, as set does), or it refilled from an L2 that still held k (delete must remove it from the L2)`,
    );
  });

  test("a node that reloads the moment it hears of a write reads the new value", () => {
    const { bus, database, nodes } = cluster(2);
    const [writer, reader] = nodes as [CacheNode<string>, CacheNode<string>];
    database.write("user:1", "v1");
    reader.get("user:1");
    // Refresh-ahead: as soon as an invalidation arrives (after the reader has dropped its copy),
    // read the key again through the reader to have it warm.
    bus.subscribe("cache.invalidate", (event) => void reader.get(event.key));
    writer.set("user:1", "v2");
    const after = reader.get("user:1");
    ensure(
      after === "v2",
      `the reader reloaded user:1 the moment the invalidation arrived, and now serves ${after}: when it reloaded, the L2 (or the database) still held v1. Either the invalidation was published before the write (publish last: database, L2, own L1, then the event), or the write never updated the L2`,
    );
  });

  test("a closed node no longer listens, and a malformed event is ignored", () => {
    const { bus, nodes } = cluster(2);
    nodes[1]?.close();
    const listening = bus.subscribers("cache.invalidate");
    ensure(
      listening === 1,
      `after one of two nodes closed, ${listening} handlers still listen for cache.invalidate: close() must call the function subscribe() returned. A closed node left on the bus runs on every write and is never collected, nor is its L1`,
    );
    expect(bus.publish({ type: "cache.invalidate" } as unknown as InvalidationEvent)).toEqual([]);
  });
});

describe("bad input", () => {
  test("an empty id or a bad L1 capacity is INVALID_OPTIONS", () => {
    const bus = new EventBus<InvalidationEvent>();
    const base = { l2: new SharedCache<string>(), database: new Database<string>(), bus };
    expect(codeOf(CacheNodeError, () => new CacheNode({ ...base, id: "", l1Capacity: 10 }))).toBe("INVALID_OPTIONS");
    expect(codeOf(CacheNodeError, () => new CacheNode({ ...base, id: "a", l1Capacity: 0 }))).toBe("INVALID_OPTIONS");
    expect(codeOf(CacheNodeError, () => new CacheNode({ ...base, id: "a", l1Capacity: 2.5 }))).toBe("INVALID_OPTIONS");
  });

  test("an empty key is INVALID_KEY, and nothing is written", () => {
    const { database, nodes } = cluster();
    expect(codeOf(CacheNodeError, () => nodes[0]?.get(""))).toBe("INVALID_KEY");
    expect(codeOf(CacheNodeError, () => nodes[0]?.set("", "v"))).toBe("INVALID_KEY");
    expect(database.writes).toBe(0);
  });
});
