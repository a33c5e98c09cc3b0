import fc from "fast-check";
import { codeOf, ensure, percent, propertySettings, sampleKeys, messageOf as messageOfError } from "#kata/testing";
import { RingError } from "./src/errors";
import { hash32 } from "./src/hash";
import { HashRing, virtualNodeLabel } from "./src/hash-ring";

const KEYS = sampleKeys(20_000);

function ringOf(nodes: string[], virtualNodes?: number): HashRing {
  const ring = new HashRing(virtualNodes === undefined ? {} : { virtualNodes });
  for (const node of nodes) ring.addNode(node);
  return ring;
}

function owners(ring: HashRing, keys: string[] = KEYS): Map<string, string> {
  return new Map(keys.map((key) => [key, ring.lookup(key)]));
}

function countByNode(ring: HashRing, keys: string[]): Map<string, number> {
  const counts = new Map<string, number>(ring.nodes().map((node) => [node, 0]));
  for (const key of keys) {
    const node = ring.lookup(key);
    counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

interface RingPoint {
  position: number;
  node: string;
}

/** The ring's points as the rules define them: sorted by position, ties by node id. */
function pointsOf(nodes: string[], virtualNodes: number): RingPoint[] {
  return nodes
    .flatMap((node) =>
      Array.from({ length: virtualNodes }, (_, i) => ({ position: hash32(virtualNodeLabel(node, i)), node })),
    )
    .sort((x, y) => x.position - y.position || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0));
}

/** The owner of hash h by brute force: the first point at or after h, else the first point. */
function ownerByScan(points: RingPoint[], h: number): string | undefined {
  return (points.find((p) => p.position >= h) ?? points[0])?.node;
}

function lastOf(points: RingPoint[]): RingPoint {
  return points[points.length - 1] as RingPoint;
}

const messageOf = (act: () => unknown): string => messageOfError(RingError, act);

/** A message's words: split at spaces, punctuation between words, quotes and brackets. */
function wordsOf(message: string): string[] {
  return message.split(/[\s,;:()[\]{}"'`]+|[.!?](?=\s|$)/).filter((word) => word !== "");
}

describe("hash32", () => {
  test("matches the spec's values (FNV-1a over UTF-8 bytes, then fmix32)", () => {
    expect(hash32("hello")).toBe(0x888d766e);
    expect(hash32("")).toBe(0xab3e7c0b);
    expect(hash32("node-1#0")).toBe(0x98b960ff);
    // "é" is two UTF-8 bytes: hashing UTF-16 code units instead gives another value.
    expect(hash32("café")).toBe(0xdf518d52);
  });

  test("hashes the UTF-8 bytes of every character outside ASCII, wherever it is in the text", () => {
    // U+0080 is the first code point UTF-8 writes as two bytes (0xc2 0x80), not one byte 0x80.
    expect(hash32("\u0080")).toBe(0x5380d8b5);
    // Text with no ASCII character at all: three bytes per character here, four for the emoji.
    expect(hash32("東京")).toBe(0x50b7e2e7);
    expect(hash32("ключ")).toBe(0x9aa1b562);
    expect(hash32("😀")).toBe(0x3303a80a);
  });

  test("always returns an unsigned 32-bit integer", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const h = hash32(text);
        return Number.isInteger(h) && h >= 0 && h <= 0xffffffff;
      }),
      propertySettings(),
    );
  });

  test("spreads similar labels evenly (vnode labels differ only in their last digits)", () => {
    const buckets = new Array<number>(16).fill(0);
    const labels = 16_000;
    for (let i = 0; i < labels; i++) {
      const bucket = hash32(virtualNodeLabel("node-7", i)) >>> 28;
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    const busiest = Math.max(...buckets) / (labels / 16);
    ensure(
      busiest < 1.15,
      `the busiest of 16 ranges got ${busiest.toFixed(2)}x its fair share of ${labels} labels "node-7#i"; ` +
        "a well-mixed hash stays under 1.15x. FNV-1a alone mixes high bits poorly: finish with fmix32.",
    );
  });
});

describe("membership", () => {
  test("a new ring is empty", () => {
    const ring = new HashRing();
    expect(ring.size).toBe(0);
    expect(ring.nodes()).toEqual([]);
    expect(ring.hasNode("a")).toBe(false);
  });

  test("addNode and removeNode change the members; nodes() is sorted by id", () => {
    const ring = ringOf(["cache-c", "cache-a", "cache-b"]);
    expect(ring.size).toBe(3);
    expect(ring.nodes()).toEqual(["cache-a", "cache-b", "cache-c"]);
    ring.removeNode("cache-b");
    expect(ring.nodes()).toEqual(["cache-a", "cache-c"]);
    expect(ring.hasNode("cache-b")).toBe(false);
  });

  test("virtualNodes defaults to 160 and keeps the value given", () => {
    expect(new HashRing().virtualNodes).toBe(160);
    expect(new HashRing({ virtualNodes: 8 }).virtualNodes).toBe(8);
  });
});

describe("lookup", () => {
  test("a ring with one node owns every key", () => {
    const ring = ringOf(["only"]);
    for (const key of KEYS.slice(0, 500)) expect(ring.lookup(key)).toBe("only");
  });

  test("a key belongs to the first point at or after its hash, wrapping around", () => {
    const ring = ringOf(["a", "b", "c"], 4);
    const points = pointsOf(["a", "b", "c"], 4);
    for (const key of KEYS.slice(0, 2_000)) {
      const h = hash32(key);
      const expected = ownerByScan(points, h);
      const got = ring.lookup(key);
      if (got !== expected) {
        throw new Error(
          `lookup(${JSON.stringify(key)}) gave ${got}, but hash32 is ${h} and the first point at or after it belongs to ${expected}` +
            `${h > lastOf(points).position ? " (the key is past the last point, so it wraps around to the first)" : ""}. Points: ` +
            points.map((p) => `${p.position}:${p.node}`).join(" "),
        );
      }
    }
  });

  test("a key that hashes exactly onto a point belongs to that point's node: at or after includes the point itself", () => {
    // A virtual node's own label hashes to the point's position, so these keys sit exactly on points.
    const nodes = ["a", "b", "c"];
    const ring = ringOf(nodes, 4);
    const points = pointsOf(nodes, 4);
    for (const node of nodes) {
      for (let i = 0; i < 4; i++) {
        const key = virtualNodeLabel(node, i);
        const h = hash32(key);
        const expected = ownerByScan(points, h);
        const got = ring.lookup(key);
        const next = points.find((p) => p.position > h) ?? points[0];
        ensure(
          got === expected,
          `lookup(${JSON.stringify(key)}) gave ${got}: the key hashes to ${h}, exactly the position of ${node}'s point, so ${expected} owns it. ` +
            `"At or after" includes a point at the key's hash itself; ${got === next?.node ? `${got} owns the next point, ${next?.position}: ` : ""}` +
            "a search that compares position <= hash (instead of <) skips the point the key sits on.",
        );
      }
    }
  });

  test("a key past the last point wraps around to the first point", () => {
    const ring = ringOf(["a", "b", "c"], 4);
    const points = pointsOf(["a", "b", "c"], 4);
    const first = points[0] as RingPoint;
    const last = lastOf(points);
    // Edge-targeted: only keys above the largest position (and below the smallest) need the wrap.
    const pastTheEnd = KEYS.filter((key) => hash32(key) > last.position);
    const beforeTheStart = KEYS.filter((key) => hash32(key) <= first.position);
    ensure(
      pastTheEnd.length > 50 && beforeTheStart.length > 50,
      "the test's keys should include some on each side of the ring's ends",
    );
    for (const key of [...pastTheEnd.slice(0, 200), ...beforeTheStart.slice(0, 200)]) {
      const got = ring.lookup(key);
      ensure(
        got === first.node,
        `lookup(${JSON.stringify(key)}) gave ${got}: the key hashes to ${hash32(key)}, ` +
          (hash32(key) > last.position
            ? `past the last point (${last.position}, ${last.node}), so it wraps around the ring`
            : "before the first point") +
          ` to the first point (${first.position}, ${first.node}). When the search runs off the end of the sorted points, the answer is index 0.`,
      );
    }
  });

  test("the same nodes give the same owners whatever order they were added in", () => {
    const nodes = ["n1", "n2", "n3", "n4", "n5", "n6"];
    const expected = owners(ringOf(nodes, 40), KEYS.slice(0, 300));
    fc.assert(
      fc.property(fc.shuffledSubarray(nodes, { minLength: nodes.length }), (order) => {
        const got = owners(ringOf(order, 40), KEYS.slice(0, 300));
        for (const [key, owner] of expected) {
          ensure(
            got.get(key) === owner,
            `adding nodes in the order ${order.join(",")} moved ${key} from ${owner} to ${got.get(key)}`,
          );
        }
      }),
      propertySettings(30),
    );
  });
});

describe("membership changes move few keys", () => {
  test("adding a 5th node moves about 1/5 of the keys, all of them to the new node", () => {
    const ring = ringOf(["db-1", "db-2", "db-3", "db-4"]);
    const before = owners(ring);
    ring.addNode("db-5");
    const after = owners(ring);
    const moved = KEYS.filter((key) => before.get(key) !== after.get(key));
    const betweenOldNodes = moved.filter((key) => after.get(key) !== "db-5");
    const fraction = moved.length / KEYS.length;
    ensure(
      moved.length > 0,
      "after adding db-5 no key moved to it: lookups do not see the new node. Either its points never reached the ring, " +
        "or lookups answer from a cache filled before the change (a membership change must invalidate every cached answer).",
    );
    ensure(
      betweenOldNodes.length === 0,
      `${betweenOldNodes.length} keys moved between nodes that were already there (e.g. ${betweenOldNodes[0]}: ` +
        `${before.get(betweenOldNodes[0] ?? "")} -> ${after.get(betweenOldNodes[0] ?? "")}); on a consistent ring a new node only takes keys.`,
    );
    ensure(
      fraction > 0.12 && fraction < 0.28,
      `after adding a 5th node ${percent(fraction)} of keys moved; a consistent ring moves about 20% (1/5). ` +
        "Far more means ownership is not decided by ring position (hash mod N moves ~80%).",
    );
  });

  test("removing a node moves only the keys it owned", () => {
    const ring = ringOf(["db-1", "db-2", "db-3", "db-4", "db-5"]);
    const before = owners(ring);
    ring.removeNode("db-3");
    const after = owners(ring);
    const wrongly = KEYS.filter((key) => before.get(key) !== "db-3" && before.get(key) !== after.get(key));
    ensure(
      wrongly.length === 0,
      `removing db-3 moved ${wrongly.length} keys that db-3 did not own (e.g. ${wrongly[0]}); only db-3's keys may move.`,
    );
    ensure(
      KEYS.every((key) => after.get(key) !== "db-3"),
      `after removeNode("db-3") some keys still map to db-3, which is no longer on the ring. Either some of its virtual nodes are ` +
        "still there (remove all of them), or lookups answer from a cache filled before the change (a membership change must invalidate it).",
    );
  });
});

describe("load spread", () => {
  test("160 virtual nodes spread keys within 25% of the mean across 10 nodes", () => {
    const nodes = Array.from({ length: 10 }, (_, i) => `shard-${i}`);
    const counts = [...countByNode(ringOf(nodes), KEYS).values()];
    const mean = KEYS.length / nodes.length;
    const busiest = Math.max(...counts) / mean;
    ensure(
      busiest < 1.25,
      `the busiest of 10 nodes holds ${busiest.toFixed(2)}x the mean with 160 virtual nodes each; expect under 1.25x. ` +
        `Counts: ${counts.join(", ")}. Check that every node places all its points (labels node#0 .. node#159).`,
    );
  });

  test("virtual nodes are what evens the load: with one point per node the spread is far worse", () => {
    const nodes = Array.from({ length: 10 }, (_, i) => `shard-${i}`);
    const stdDev = (virtualNodes: number): number => {
      const counts = [...countByNode(ringOf(nodes, virtualNodes), KEYS).values()];
      const mean = KEYS.length / nodes.length;
      return Math.sqrt(counts.reduce((sum, c) => sum + (c - mean) ** 2, 0) / counts.length) / mean;
    };
    const one = stdDev(1);
    const many = stdDev(160);
    ensure(
      many * 3 < one,
      `relative std dev of load: ${percent(one)} with 1 point per node, ${percent(many)} with 160; ` +
        "virtual nodes should cut it at least threefold.",
    );
  });
});

describe("bad input gets a RingError with a code", () => {
  test.each([0, -3, 2.5, Number.NaN])("virtualNodes %p is rejected", (virtualNodes) => {
    expect(codeOf(RingError, () => new HashRing({ virtualNodes }))).toBe("INVALID_VIRTUAL_NODES");
  });

  test("the virtualNodes message names the value given and what is allowed", () => {
    const message = messageOf(() => new HashRing({ virtualNodes: 2.5 }));
    expect(message).toMatch(/positive integer/i);
    expect(wordsOf(message)).toContain("2.5");
  });

  test("an empty node id is rejected", () => {
    expect(codeOf(RingError, () => new HashRing().addNode(""))).toBe("INVALID_NODE_ID");
  });

  test("adding a node twice is rejected and the ring is unchanged", () => {
    const ring = ringOf(["a", "b"]);
    const before = owners(ring, KEYS.slice(0, 200));
    expect(codeOf(RingError, () => ring.addNode("a"))).toBe("DUPLICATE_NODE");
    expect(ring.nodes()).toEqual(["a", "b"]);
    expect(owners(ring, KEYS.slice(0, 200))).toEqual(before);
  });

  test("the duplicate-node message names the node and says to remove it first", () => {
    const message = messageOf(() => ringOf(["cache-a", "cache-a"]));
    expect(wordsOf(message)).toContain("cache-a");
    expect(message).toMatch(/remove/i);
  });

  test("removing an unknown node is rejected and the ring is unchanged", () => {
    const ring = ringOf(["a", "b"]);
    expect(codeOf(RingError, () => ring.removeNode("zzz"))).toBe("UNKNOWN_NODE");
    expect(ring.nodes()).toEqual(["a", "b"]);
  });

  test("the unknown-node message names the node and lists the nodes there are, one by one", () => {
    const message = messageOf(() => ringOf(["cache-b", "cache-a"]).removeNode("cache-z"));
    const words = wordsOf(message);
    ensure(
      ["cache-z", "cache-a", "cache-b"].every((word) => words.includes(word)),
      `removeNode("cache-z") on a ring of cache-a and cache-b said: ${JSON.stringify(message)}. ` +
        "The message should name the unknown node and each node on the ring as a word of its own (e.g. separated by commas).",
    );
    const onEmpty = messageOf(() => new HashRing().removeNode("cache-z"));
    expect(onEmpty).toMatch(/\bnone\b|\bempty\b|\bno nodes\b/i);
  });

  test("lookup on an empty ring says to add a node first", () => {
    const ring = new HashRing();
    expect(codeOf(RingError, () => ring.lookup("user:1"))).toBe("EMPTY_RING");
    expect(() => ring.lookup("user:1")).toThrow(/add/i);
  });
});
