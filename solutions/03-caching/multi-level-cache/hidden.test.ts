/**
 * Grading-only: no stale read on random interleavings across nodes, with and without nodes that
 * reload the moment they hear of a write, and the hit ratios' arithmetic.
 */
import fc from "fast-check";
import { EventBus } from "#kata/bus";
import { codeOf, ensure, messageOf, propertySettings } from "#kata/testing";
import { CacheNode, Database, SharedCache, type InvalidationEvent } from "./src/cache-node";
import { CacheNodeError } from "./src/errors";

const op = fc.record({
  node: fc.integer({ min: 0, max: 3 }),
  key: fc.integer({ min: 0, max: 5 }).map((k) => `k${k}`),
  kind: fc.constantFrom("get", "get", "get", "set", "delete"),
});

type Op = ReturnType<(typeof op)["generate"]>["value"];

const STALE =
  "Either that node kept an old copy in its L1 (drop the key on another node's invalidation; delete() must publish one, as set() does), or it refilled its L1 from an L2 the write had not updated (every write updates or deletes the L2)";

/**
 * Runs `ops` against the nodes, keeping the truth (the last write of each key), and fails with
 * `lesson` at the first read that differs from it.
 */
function replay(
  nodes: CacheNode<number>[],
  ops: Op[],
  lesson: (step: number, node: number, key: string, got: number | undefined, expected: number | undefined) => string,
): void {
  const truth = new Map<string, number>();
  ops.forEach((o, step) => {
    const node = nodes[o.node] as CacheNode<number>;
    if (o.kind === "set") {
      node.set(o.key, step);
      truth.set(o.key, step);
    } else if (o.kind === "delete") {
      node.delete(o.key);
      truth.delete(o.key);
    } else {
      const got = node.get(o.key);
      ensure(got === truth.get(o.key), lesson(step, o.node, o.key, got, truth.get(o.key)));
    }
  });
}

test("random interleavings over 4 nodes: every read returns the last value written (or undefined after a delete)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 200 }), (l1Capacity, ops) => {
      const bus = new EventBus<InvalidationEvent>();
      const l2 = new SharedCache<number>();
      const database = new Database<number>();
      const nodes = Array.from(
        { length: 4 },
        (_, i) => new CacheNode<number>({ id: `n${i}`, l1Capacity, l2, database, bus }),
      );
      replay(
        nodes,
        ops,
        (step, node, key, got, expected) =>
          `step ${step}: n${node} read ${key} = ${got}, but the last write left ${expected}. ${STALE}`,
      );
    }),
    propertySettings(300),
  );
});

test("random interleavings where some nodes reload a key the moment they hear it was written: no stale read", () => {
  fc.assert(
    fc.property(fc.subarray([0, 1, 2, 3], { minLength: 1 }), fc.array(op, { maxLength: 120 }), (eager, ops) => {
      const bus = new EventBus<InvalidationEvent>();
      const l2 = new SharedCache<number>();
      const database = new Database<number>();
      const nodes = Array.from(
        { length: 4 },
        (_, i) => new CacheNode<number>({ id: `n${i}`, l1Capacity: 4, l2, database, bus }),
      );
      // Refresh-ahead: subscribed after the nodes, so each eager node has dropped its copy by then.
      bus.subscribe("cache.invalidate", (event) => {
        for (const i of eager) if (`n${i}` !== event.from) nodes[i]?.get(event.key);
      });
      replay(
        nodes,
        ops,
        (step, node, key, got, expected) =>
          `step ${step}: n${node} read ${key} = ${got}, but the last write left ${expected}; nodes [${eager.map((i) => `n${i}`).join(", ")}] reload a key the moment they hear it was written. If the invalidation goes out before the write is done, they reload the old value: publish last (database, L2, own L1, then the event). Otherwise: ${STALE}`,
      );
    }),
    propertySettings(200),
  );
});

test("hit ratios: l1 over all reads, l2 over reads that missed L1", () => {
  const bus = new EventBus<InvalidationEvent>();
  const l2 = new SharedCache<string>();
  const database = new Database<string>();
  database.write("a", "1");
  database.write("b", "2");
  const warm = new CacheNode<string>({ id: "warm", l1Capacity: 10, l2, database, bus });
  warm.get("a");
  const node = new CacheNode<string>({ id: "n", l1Capacity: 10, l2, database, bus });
  node.get("a"); // L2 hit
  node.get("a"); // L1 hit
  node.get("b"); // database
  node.get("zzz"); // database, not found
  expect(node.stats()).toEqual({
    reads: 4,
    l1Hits: 1,
    l2Hits: 1,
    databaseReads: 2,
    l1HitRatio: 0.25,
    l2HitRatio: 1 / 3,
  });
  expect(new CacheNode<string>({ id: "idle", l1Capacity: 1, l2, database, bus }).stats()).toMatchObject({
    l1HitRatio: 0,
    l2HitRatio: 0,
  });
});

test("two nodes write the same key in turn; each reads the other's latest", () => {
  const bus = new EventBus<InvalidationEvent>();
  const l2 = new SharedCache<number>();
  const database = new Database<number>();
  const [a, b] = ["a", "b"].map((id) => new CacheNode<number>({ id, l1Capacity: 5, l2, database, bus }));
  for (let i = 0; i < 20; i++) {
    (i % 2 === 0 ? a : b)?.set("k", i);
    const got = (i % 2 === 0 ? b : a)?.get("k");
    ensure(got === i, `round ${i}: the other node read ${got} after ${i} was written. ${STALE}`);
  }
});

describe("bad input: each refusal names what was wrong", () => {
  const base = (): Omit<ConstructorParameters<typeof CacheNode<string>>[0], "id" | "l1Capacity"> => ({
    l2: new SharedCache<string>(),
    database: new Database<string>(),
    bus: new EventBus<InvalidationEvent>(),
  });

  test("an id that is not a string, or no options at all, is INVALID_OPTIONS, not a TypeError", () => {
    const notAString = (): CacheNode<string> =>
      new CacheNode<string>({ ...base(), id: 7 as unknown as string, l1Capacity: 10 });
    ensure(
      codeOf(CacheNodeError, notAString) === "INVALID_OPTIONS",
      "new CacheNode({ id: 7 }) must be refused with INVALID_OPTIONS: an id is a non-empty string (check its type, not only that it is not empty)",
    );
    ensure(
      messageOf(CacheNodeError, notAString).includes("7"),
      `the refusal must quote the id it got (7), got: ${messageOf(CacheNodeError, notAString)}`,
    );
    const none = (): CacheNode<string> => new CacheNode<string>(undefined as never);
    // codeOf rethrows anything else, so a TypeError from reading options.id fails here too.
    expect(codeOf(CacheNodeError, none)).toBe("INVALID_OPTIONS");
  });

  test("a bad L1 capacity's refusal quotes the capacity", () => {
    const message = messageOf(CacheNodeError, () => new CacheNode<string>({ ...base(), id: "a", l1Capacity: 2.5 }));
    ensure(
      message.includes("l1Capacity") && message.includes("2.5"),
      `the message must name l1Capacity and 2.5, got: ${message}`,
    );
  });

  test("a key that is not a string is INVALID_KEY, and the refusal quotes the key", () => {
    const node = new CacheNode<string>({ ...base(), id: "a", l1Capacity: 4 });
    ensure(
      codeOf(CacheNodeError, () => node.get(42 as unknown as string)) === "INVALID_KEY",
      "get(42) must be refused with INVALID_KEY: keys are strings (check the type, not only emptiness)",
    );
    const empty = messageOf(CacheNodeError, () => node.get(""));
    ensure(
      empty.includes('""'),
      `the empty key's refusal must show it as "" so the reader sees what came in, got: ${empty}`,
    );
  });
});
