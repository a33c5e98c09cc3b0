/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import { ensure, sampleKeys, messageOf as messageOfError } from "#kata/testing";
import { RingError } from "./src/errors";
import { hash32 } from "./src/hash";
import { HashRing, virtualNodeLabel } from "./src/hash-ring";

const KEYS = sampleKeys(5_000, 99);

function ringOf(nodes: string[], virtualNodes?: number): HashRing {
  const ring = new HashRing(virtualNodes === undefined ? {} : { virtualNodes });
  for (const node of nodes) ring.addNode(node);
  return ring;
}

const messageOf = (act: () => unknown): string => messageOfError(RingError, act);

describe("hidden: ties and exact positions", () => {
  // node-522789#0 and node-739192#0 hash to the same position, 2702820799.
  const TIED = ["node-522789", "node-739192"] as const;
  const TIED_AT = 2702820799;

  /** The owner lookup gives, or what went wrong, for a failure message. */
  function ownerOrError(ring: HashRing, key: string): string {
    try {
      return ring.lookup(key);
    } catch (error) {
      return `an error (${(error as Error).message})`;
    }
  }

  test("two points at one position: the smaller node id owns it, whatever the insertion order", () => {
    expect(hash32(virtualNodeLabel(TIED[0], 0))).toBe(TIED_AT);
    expect(hash32(virtualNodeLabel(TIED[1], 0))).toBe(TIED_AT);
    for (const order of [[...TIED], [...TIED].reverse()]) {
      const ring = ringOf(order, 1);
      for (const key of KEYS.slice(0, 200)) {
        const owner = ownerOrError(ring, key);
        ensure(
          owner === TIED[0],
          `${TIED[0]}#0 and ${TIED[1]}#0 both hash to ${TIED_AT}, the only position on a ring of one point each. ` +
            `Added in the order ${order.join(", ")}, lookup(${JSON.stringify(key)}) gave ${owner}; ` +
            (TIED.includes(owner as (typeof TIED)[number])
              ? `the smaller id, ${TIED[0]}, must own a shared position whichever node was added first: order points by position, then by node id.`
              : "every key on this ring belongs to one of its two nodes (past the last point, wrap to the first)."),
        );
      }
    }
  });

  test("removing one of two tied nodes leaves the other owning the position", () => {
    const ring = ringOf([TIED[1], TIED[0]], 1);
    ring.removeNode(TIED[0]);
    const owner = ownerOrError(ring, KEYS[0] as string);
    ensure(
      owner === TIED[1],
      `${TIED[1]} is still on the ring with its point at ${TIED_AT}, the position ${TIED[0]}#0 shared; after removing ${TIED[0]}, ` +
        `lookup gave ${owner}. Remove a node's points by owner, not by position: another node's point at the same position must stay.`,
    );
  });

  test("non-ASCII node ids and keys hash their UTF-8 bytes", () => {
    expect(hash32("ключ")).toBe(0x9aa1b562);
    const ring = ringOf(["東京", "Zürich", "São Paulo"]);
    const owner = ring.lookup("用户:42");
    expect(["東京", "Zürich", "São Paulo"]).toContain(owner);
  });
});

describe("hidden: membership histories", () => {
  test("remove then re-add restores every key's owner exactly", () => {
    const ring = ringOf(["a", "b", "c", "d"]);
    const before = KEYS.map((key) => ring.lookup(key));
    ring.removeNode("c");
    ring.addNode("c");
    const after = KEYS.map((key) => ring.lookup(key));
    expect(after).toEqual(before);
  });

  test("two rings that reached the same members by different histories agree on every key", () => {
    const churned = ringOf(["e", "a", "c"], 32);
    churned.removeNode("a");
    churned.addNode("b");
    churned.removeNode("e");
    churned.addNode("a");
    churned.addNode("d");
    const fresh = ringOf(["a", "b", "c", "d"], 32);
    expect(churned.nodes()).toEqual(fresh.nodes());
    const differ = KEYS.filter((key) => churned.lookup(key) !== fresh.lookup(key));
    ensure(
      differ.length === 0,
      `after add e, a, c; remove a; add b; remove e; add a, d the ring gives ${differ.length} keys another owner than a ring ` +
        `built from a, b, c, d (e.g. ${differ[0]}: ${churned.lookup(differ[0] ?? "")} vs ${fresh.lookup(differ[0] ?? "")}); ` +
        "the ring must be a function of its members: every removal takes all of a node's points and only those, every addition merges all of them in order.",
    );
  });

  test("removing every node empties the ring, and lookups say so", () => {
    const ring = ringOf(["a", "b"]);
    ring.removeNode("a");
    ring.removeNode("b");
    expect(ring.size).toBe(0);
    expect(() => ring.lookup("k")).toThrow(RingError);
  });

  test("growing from 1 to 20 nodes: each step moves only keys to the new node", () => {
    const ring = ringOf(["n0"], 64);
    let owners = KEYS.map((key) => ring.lookup(key));
    for (let n = 1; n < 20; n++) {
      ring.addNode(`n${n}`);
      const next = KEYS.map((key) => ring.lookup(key));
      const wrong = next.filter((owner, i) => owner !== owners[i] && owner !== `n${n}`).length;
      ensure(wrong === 0, `adding n${n} moved ${wrong} keys between existing nodes`);
      owners = next;
    }
  });

  test("a large ring (500 nodes) agrees with a brute-force search of its points", () => {
    const nodes = Array.from({ length: 500 }, (_, i) => `srv-${i}`);
    const ring = ringOf(nodes, 20);
    const points = nodes
      .flatMap((node) => Array.from({ length: 20 }, (_, i) => ({ position: hash32(virtualNodeLabel(node, i)), node })))
      .sort((x, y) => x.position - y.position || (x.node < y.node ? -1 : 1));
    for (const key of KEYS.slice(0, 1_000)) {
      const h = hash32(key);
      const expected = (points.find((p) => p.position >= h) ?? points[0])?.node;
      expect(ring.lookup(key)).toBe(expected);
    }
  });
});

describe("hidden: bad input loses nothing", () => {
  test("a non-string node id is rejected, and the ring is unchanged", () => {
    const ring = ringOf(["a"]);
    expect(() => ring.addNode(42 as unknown as string)).toThrow(RingError);
    expect(ring.nodes()).toEqual(["a"]);
  });

  test("a non-string key is rejected with INVALID_KEY", () => {
    const ring = ringOf(["a"]);
    try {
      ring.lookup(undefined as unknown as string);
      throw new Error("lookup(undefined) returned normally");
    } catch (error) {
      expect(error).toBeInstanceOf(RingError);
      expect((error as RingError).code).toBe("INVALID_KEY");
    }
  });

  test("the INVALID_KEY message says keys are strings and names the type given", () => {
    const message = messageOf(() => ringOf(["a"]).lookup(42 as unknown as string));
    ensure(
      /string/i.test(message) && /number/i.test(message),
      `lookup(42) said ${JSON.stringify(message)}: say that keys are strings and what was given (a number).`,
    );
  });

  test("a node object passed where its id belongs is shown in the message, not as [object Object]", () => {
    const ring = ringOf(["a"]);
    const message = messageOf(() => ring.addNode({ host: "10.0.0.7" } as unknown as string));
    ensure(
      message.includes("10.0.0.7") && /non-empty string/i.test(message),
      `addNode({ host: "10.0.0.7" }) said ${JSON.stringify(message)}: say that ids are non-empty strings and show the value ` +
        "given as it is (JSON.stringify does; String(value) turns every object into [object Object]).",
    );
    expect(ring.nodes()).toEqual(["a"]);
  });

  test("virtualNodes Infinity is rejected", () => {
    expect(() => new HashRing({ virtualNodes: Number.POSITIVE_INFINITY })).toThrow(RingError);
  });
});
