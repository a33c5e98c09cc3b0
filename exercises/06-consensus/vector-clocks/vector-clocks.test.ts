import fc from "fast-check";
import { codeOf, ensure, messageOf, propertySettings } from "#kata/testing";
import { forEachSeed, ManualContext } from "#kata/sim";
import * as causal from "./src/causal-broadcast";
import { VectorClockError, type VectorClockErrorCode } from "./src/errors";
import type { CausalMessage } from "./src/messages";
import { compare, concurrent, happensBefore, merge, tick, type Ordering, type VectorClock } from "./src/vector-clock";
import { assertAllDelivered, causalCluster, chattyCluster, checkCausalDelivery } from "./causal-cluster";

const show = (clock: VectorClock): string => JSON.stringify(clock).replaceAll('"', "");

/** The definition, entry by entry, with a missing entry read as 0: what compare must agree with. */
function ordering(a: VectorClock, b: VectorClock): Ordering {
  let less = false;
  let greater = false;
  for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[id] ?? 0;
    const y = b[id] ?? 0;
    if (x < y) less = true;
    if (x > y) greater = true;
  }
  return less ? (greater ? "concurrent" : "before") : greater ? "after" : "equal";
}

/** Same clock, entry by entry, a missing entry read as 0 (`{}` and `{ a: 0 }` are the same clock). */
function sameClock(a: VectorClock, b: VectorClock): boolean {
  return ordering(a, b) === "equal";
}

/** Clocks over four nodes with small counts, so equal and ordered pairs are common; some entries absent, some 0. */
const clockArb: fc.Arbitrary<VectorClock> = fc.dictionary(
  fc.constantFrom("a", "b", "c", "d"),
  fc.integer({ min: 0, max: 3 }),
  {
    maxKeys: 4,
  },
);

/** A clock at or after `base`: each entry raised by 0-2. */
const laterArb = (base: VectorClock): fc.Arbitrary<VectorClock> =>
  fc.record({ a: fc.nat(2), b: fc.nat(2), c: fc.nat(2), d: fc.nat(2) }).map((raise) => {
    const out: Record<string, number> = {};
    for (const id of ["a", "b", "c", "d"] as const) out[id] = (base[id] ?? 0) + raise[id];
    return out;
  });

describe("vector clocks: tick, merge, compare", () => {
  test("tick adds 1 to that node's entry, keeps the others, and leaves its argument alone", () => {
    const before = { a: 2, b: 5 };
    const after = tick(before, "a");
    expect(after).toEqual({ a: 3, b: 5 });
    expect(sameClock(tick(after, "c"), { a: 3, b: 5, c: 1 })).toBe(true);
    ensure(
      JSON.stringify(before) === JSON.stringify({ a: 2, b: 5 }),
      `tick changed its argument to ${show(before)}: clocks are values, and tick must not change its arguments: a stamp already on a message would change with it`,
    );
  });

  test.each<[VectorClock, VectorClock, Ordering]>([
    [{ a: 1 }, { a: 2 }, "before"],
    [{ a: 2, b: 1 }, { a: 1, b: 1 }, "after"],
    [{ a: 1, b: 2 }, { a: 1, b: 2 }, "equal"],
    [{ a: 2, b: 1 }, { a: 1, b: 2 }, "concurrent"],
    [{}, {}, "equal"],
  ])("compare(%p, %p) is %p", (a, b, expected) => {
    expect(compare(a, b)).toBe(expected);
  });

  test("a missing entry counts as 0, on either side", () => {
    const cases: [VectorClock, VectorClock, Ordering][] = [
      [{ a: 1 }, { a: 1, b: 1 }, "before"],
      [{ a: 1, b: 1 }, { a: 1 }, "after"],
      [{ a: 0 }, {}, "equal"],
      [{}, { c: 0 }, "equal"],
      [{ b: 1 }, { a: 1 }, "concurrent"],
      [{}, { b: 2 }, "before"],
    ];
    for (const [a, b, expected] of cases) {
      const got = compare(a, b);
      ensure(
        got === expected,
        `compare(${show(a)}, ${show(b)}) returned "${got}", expected "${expected}": a missing entry counts as 0, so compare must ` +
          "look at every node id that either clock names, not only the first clock's.",
      );
    }
  });

  test("merge takes the larger entry for every node either clock names, and changes neither argument", () => {
    const a = { a: 3, b: 1 };
    const b = { b: 4, c: 2 };
    const merged = merge(a, b);
    expect(sameClock(merged, { a: 3, b: 4, c: 2 })).toBe(true);
    ensure(
      JSON.stringify(a) === JSON.stringify({ a: 3, b: 1 }) && JSON.stringify(b) === JSON.stringify({ b: 4, c: 2 }),
      `after merge the arguments read ${show(a)} and ${show(b)}: merge must not change its arguments. A node merging a ` +
        "message's stamp into its own clock would otherwise rewrite the stamp, or a clock it shared with another message.",
    );
    expect(merged === a || merged === b).toBe(false);
  });

  test("happensBefore and concurrent agree with compare", () => {
    expect([happensBefore({ a: 1 }, { a: 1, b: 1 }), happensBefore({ a: 1, b: 1 }, { a: 1 })]).toEqual([true, false]);
    expect([happensBefore({ a: 1 }, { a: 1 }), concurrent({ a: 1 }, { a: 1 })]).toEqual([false, false]);
    expect([concurrent({ a: 1 }, { b: 1 }), concurrent({ a: 1 }, { a: 2 })]).toEqual([true, false]);
  });

  test("property: compare agrees with the entry-by-entry definition", () => {
    fc.assert(
      fc.property(clockArb, clockArb, (a, b) => {
        const got = compare(a, b);
        const expected = ordering(a, b);
        ensure(
          got === expected,
          `compare(${show(a)}, ${show(b)}) returned "${got}", expected "${expected}" (a missing entry counts as 0)`,
        );
        ensure(
          happensBefore(a, b) === (expected === "before") && concurrent(a, b) === (expected === "concurrent"),
          `happensBefore/concurrent(${show(a)}, ${show(b)}) disagree with compare's "${expected}"`,
        );
      }),
      propertySettings(200),
    );
  });

  test("property: merge is commutative, associative and idempotent", () => {
    fc.assert(
      fc.property(clockArb, clockArb, clockArb, (a, b, c) => {
        ensure(
          sameClock(merge(a, b), merge(b, a)),
          `merge(${show(a)}, ${show(b)}) differs from merge(${show(b)}, ${show(a)})`,
        );
        ensure(
          sameClock(merge(merge(a, b), c), merge(a, merge(b, c))),
          `merge is not associative on ${show(a)}, ${show(b)}, ${show(c)}: replicas that merge in different orders would disagree`,
        );
        ensure(sameClock(merge(a, a), a), `merge(${show(a)}, ${show(a)}) is ${show(merge(a, a))}, not ${show(a)}`);
      }),
      propertySettings(200),
    );
  });

  test("property: merge is the least clock after-or-equal both", () => {
    fc.assert(
      fc.property(clockArb, clockArb, (a, b) => {
        const m = merge(a, b);
        ensure(
          ordering(a, m) !== "after" &&
            ordering(a, m) !== "concurrent" &&
            ordering(b, m) !== "after" &&
            ordering(b, m) !== "concurrent",
          `merge(${show(a)}, ${show(b)}) = ${show(m)} is not after-or-equal both: take the larger entry of each node`,
        );
        for (const id of Object.keys(m))
          ensure(
            (m[id] ?? 0) === Math.max(a[id] ?? 0, b[id] ?? 0),
            `merge(${show(a)}, ${show(b)}) = ${show(m)}: entry ${id} should be the larger of the two, ${Math.max(a[id] ?? 0, b[id] ?? 0)}`,
          );
      }),
      propertySettings(200),
    );
  });

  test("property: happens-before is a strict partial order (irreflexive, asymmetric, transitive)", () => {
    fc.assert(
      fc.property(
        clockArb.chain((a) => laterArb(a).chain((b) => laterArb(b).map((c) => [a, b, c] as const))),
        ([a, b, c]) => {
          ensure(
            !happensBefore(a, a) && compare(a, a) === "equal",
            `${show(a)} happens before itself: it must be "equal"`,
          );
          if (happensBefore(a, b))
            ensure(
              !happensBefore(b, a) && compare(b, a) === "after",
              `${show(a)} happens before ${show(b)} and the reverse is "${compare(b, a)}", not "after"`,
            );
          if (happensBefore(a, b) && happensBefore(b, c))
            ensure(
              happensBefore(a, c),
              `${show(a)} -> ${show(b)} -> ${show(c)}, yet ${show(a)} does not happen before ${show(c)}`,
            );
        },
      ),
      propertySettings(200),
    );
  });

  test("property: a tick is after the clock it ticked, and concurrent ticks of two nodes are concurrent", () => {
    fc.assert(
      fc.property(clockArb, fc.constantFrom("a", "b", "c", "d"), (clock, id) => {
        const next = tick(clock, id);
        ensure(
          compare(clock, next) === "before" && (next[id] ?? 0) === (clock[id] ?? 0) + 1,
          `tick(${show(clock)}, ${id}) = ${show(next)}`,
        );
        const other = id === "a" ? "b" : "a";
        ensure(
          compare(next, tick(clock, other)) === "concurrent",
          `ticks of ${id} and ${other} from the same ${show(clock)} are concurrent events`,
        );
      }),
      propertySettings(200),
    );
  });
});

describe("bad input gets a VectorClockError", () => {
  const code = (run: () => unknown): VectorClockErrorCode => codeOf(VectorClockError, run);
  test.each<[string, () => unknown, VectorClockErrorCode]>([
    ["tick with an empty node id", () => tick({ a: 1 }, ""), "INVALID_NODE_ID"],
    ["tick with a node id that is not a string", () => tick({}, 7 as unknown as string), "INVALID_NODE_ID"],
    ["tick of a clock with a negative entry", () => tick({ a: -1 }, "a"), "INVALID_CLOCK"],
    ["merge with a fractional entry", () => merge({ a: 1.5 }, {}), "INVALID_CLOCK"],
    ["merge with a clock that is not an object", () => merge({}, null as unknown as VectorClock), "INVALID_CLOCK"],
    ["compare with NaN in a clock", () => compare({ a: Number.NaN }, {}), "INVALID_CLOCK"],
    ["compare with an array", () => compare([1, 2] as unknown as VectorClock, {}), "INVALID_CLOCK"],
    ["compare with a number for a clock", () => compare({}, 5 as unknown as VectorClock), "INVALID_CLOCK"],
    ["tick of a clock with an empty node id in it", () => tick({ "": 1 }, "a"), "INVALID_CLOCK"],
    ["merge with Infinity in a clock", () => merge({ a: Number.POSITIVE_INFINITY }, {}), "INVALID_CLOCK"],
  ])("%s", (_, run, expected) => {
    expect(code(run)).toBe(expected);
  });
});

test("an error's message names the value that was wrong", () => {
  const text = (run: () => unknown): string => messageOf(VectorClockError, run);
  const cases: [string, string, RegExp][] = [
    [text(() => tick({ a: 1 }, "")), "tick with an empty node id", /""/],
    [text(() => tick({ b: -1 }, "a")), "a clock with b: -1", /"b".*-1/],
    [text(() => merge({}, { c: 1.5 })), "a clock with c: 1.5", /"c".*1\.5/],
    [text(() => compare({}, null as unknown as VectorClock)), "null for a clock", /null/],
  ];
  for (const [message, what, names] of cases)
    ensure(
      names.test(message),
      `for ${what} the VectorClockError says "${message}": it should quote the offending value, so the caller can find it`,
    );
});

/** One node on a hand-driven context: what it sends is recorded. */
function handNode(id: string, peers: string[] = ["a", "b", "c", "d"].filter((p) => p !== id)) {
  const ctx = new ManualContext<CausalMessage>(id, peers);
  const seen: causal.Delivery[] = [];
  const node = new causal.CausalBroadcastNode(ctx, { onDeliver: (d) => seen.push(d) });
  return { ctx, node, seen };
}

const msg = (origin: string, stamp: VectorClock, payload: string): CausalMessage => ({
  type: "Broadcast",
  origin,
  stamp,
  payload,
});

const payloads = (node: causal.CausalBroadcastNode): string[] => node.delivered().map((d) => d.payload);

describe("one node, driven by hand", () => {
  test("broadcast delivers at once and sends to every peer, stamped with its number and its causal past", () => {
    const { ctx, node } = handNode("a");
    node.broadcast("hello");
    const first = ctx.takeSent();
    expect(first.map((s) => s.to).sort()).toEqual(["b", "c", "d"]);
    for (const { message } of first) {
      expect(message.origin).toBe("a");
      expect(message.payload).toBe("hello");
      expect(sameClock(message.stamp, { a: 1 })).toBe(true);
    }
    expect(node.delivered()).toEqual([{ origin: "a", payload: "hello" }]);
    node.onMessage("b", msg("b", { b: 1 }, "hi"));
    ctx.takeSent();
    node.broadcast("again");
    const stamp = ctx.takeSent()[0]?.message.stamp ?? {};
    ensure(
      sameClock(stamp, { a: 2, b: 1 }),
      `a broadcast twice and delivered one message of b's; its second broadcast is stamped ${show(stamp)}, expected {a:2,b:1}: ` +
        "its own number, 2, and how many of each other node's broadcasts it had delivered.",
    );
  });

  test("delivering another node's message counts in that origin's entry only", () => {
    const { node } = handNode("a");
    node.onMessage("b", msg("b", { b: 1 }, "b1"));
    node.onMessage("c", msg("c", { b: 1, c: 1 }, "c1"));
    const clock = node.clock();
    ensure(
      sameClock(clock, { b: 1, c: 1 }),
      `a delivered b's first broadcast and c's first, and its delivered vector is ${show(clock)}, expected {b:1,c:1}. A node's ` +
        "own entry counts its broadcasts only: delivering a message must not tick it (that is the receive rule of a clock " +
        "counting every event). Ticked, a's next broadcast would be numbered 3, and the others would wait for numbers 1 and 2 forever.",
    );
    expect(payloads(node)).toEqual(["b1", "c1"]);
  });

  test("holds back a message until its causal past arrives, then delivers both in causal order", () => {
    const { node } = handNode("c");
    node.onMessage("b", msg("b", { a: 1, b: 1 }, "reply to a1"));
    ensure(
      payloads(node).length === 0 && node.pending() === 1,
      `c received b's message stamped {a:1,b:1} before a's first broadcast, and delivered ${JSON.stringify(payloads(node))}: ` +
        "b had delivered a's first broadcast before sending it, so it must wait for it in the hold-back queue.",
    );
    node.onMessage("a", msg("a", { a: 1 }, "a1"));
    expect(payloads(node)).toEqual(["a1", "reply to a1"]);
    expect(node.pending()).toBe(0);
  });

  test("delivers one sender's messages in the order it sent them", () => {
    const { node } = handNode("c");
    node.onMessage("a", msg("a", { a: 2 }, "a2"));
    ensure(
      payloads(node).length === 0,
      `c delivered a's broadcast #2 before #1: messages from one sender must be delivered in the order it sent them. ` +
        "stamp[a] must be exactly delivered[a] + 1, not merely more.",
    );
    node.onMessage("a", msg("a", { a: 1 }, "a1"));
    expect(payloads(node)).toEqual(["a1", "a2"]);
  });

  test("a chain that arrives backwards is released in one go", () => {
    const { node } = handNode("d");
    node.onMessage("c", msg("c", { a: 1, b: 1, c: 1 }, "c1"));
    node.onMessage("b", msg("b", { a: 1, b: 1 }, "b1"));
    node.onMessage("a", msg("a", { a: 1 }, "a1"));
    ensure(
      JSON.stringify(payloads(node)) === JSON.stringify(["a1", "b1", "c1"]) && node.pending() === 0,
      `d received c1 (after b1), then b1 (after a1), then a1, and delivered ${JSON.stringify(payloads(node))}, holding ` +
        `${node.pending()} back. After each delivery, check the held messages again, until a whole pass delivers nothing: ` +
        "delivering a1 releases b1, which releases c1.",
    );
  });

  test("a copy of a delivered message is dropped, and a copy of a held one is held once", () => {
    const { node } = handNode("c");
    node.onMessage("a", msg("a", { a: 1 }, "a1"));
    node.onMessage("a", msg("a", { a: 1 }, "a1"));
    ensure(
      node.pending() === 0,
      `c delivered a1, got a copy of it, and holds ${node.pending()} message(s) back. A copy of a message already delivered ` +
        "must be dropped, not held back: nothing will ever make it deliverable, and the queue grows with every duplicate.",
    );
    node.onMessage("b", msg("b", { a: 2, b: 1 }, "b1"));
    node.onMessage("b", msg("b", { a: 2, b: 1 }, "b1"));
    expect(node.pending()).toBe(1);
    node.onMessage("a", msg("a", { a: 2 }, "a2"));
    expect(payloads(node)).toEqual(["a1", "a2", "b1"]);
    expect(node.pending()).toBe(0);
  });

  test("onDeliver is called after the delivery is recorded: a reply sent from it carries what it answers", () => {
    const ctx = new ManualContext<CausalMessage>("b", ["a", "c"]);
    let inside: { delivered: number; clock: VectorClock } | undefined;
    const node: causal.CausalBroadcastNode = new causal.CausalBroadcastNode(ctx, {
      onDeliver: (d) => {
        if (d.origin !== "a") return;
        inside = { delivered: node.delivered().length, clock: node.clock() };
        node.broadcast(`re ${d.payload}`);
      },
    });
    node.onMessage("a", msg("a", { a: 1 }, "question"));
    const reply = ctx.takeSent().find((s) => s.message.payload === "re question")?.message;
    ensure(
      inside?.delivered === 1 && reply !== undefined && (reply.stamp.a ?? 0) >= 1,
      `b delivered a's question and answered it from onDeliver; inside the callback b had ${inside?.delivered} delivery(ies) ` +
        `and clock ${show(inside?.clock ?? {})}, and the reply left stamped ${show(reply?.stamp ?? {})}. A reply sent from the ` +
        "delivery handler must carry the delivered message in its causal past: record the delivery (vector and list) before " +
        "calling onDeliver, or another node may show the answer before the question.",
    );
    expect(payloads(node)).toEqual(["question", "re question"]);
  });

  test("ignores malformed messages without throwing", () => {
    const { ctx, node } = handNode("c");
    const garbage = [
      null,
      { type: "Bogus", origin: "a", stamp: { a: 1 }, payload: "x" },
      { type: "Broadcast", origin: "a", stamp: { a: -1 }, payload: "x" },
      { type: "Broadcast", origin: "a", stamp: { a: 1 }, payload: 5 },
      { type: "Broadcast", origin: "a", stamp: { b: 1 }, payload: "no number of its own" },
      { type: "Broadcast", origin: "a", stamp: "a:1", payload: "x" },
    ];
    for (const message of garbage) node.onMessage("a", message as unknown as CausalMessage);
    expect([payloads(node), node.pending(), ctx.takeSent()]).toEqual([[], 0, []]);
  });
});

describe("a group of 5 on the simulated network", () => {
  const CHATTER = { broadcastsPerNode: 5, spreadMs: 300, replyChance: 0.2, maxReplies: 5 };

  test("every node delivers every message once, in causal order, under reordering and duplicates (12 seeds, checked at every event)", () => {
    forEachSeed(12, (seed) => {
      const sim = chattyCluster(causal, {
        seed,
        network: { minDelayMs: 1, maxDelayMs: 60, duplicateRate: 0.2 },
        chatter: CHATTER,
      });
      const record = checkCausalDelivery(sim);
      sim.runFor(2_000);
      assertAllDelivered(sim, record, "after 5 nodes chattered for 300 ms, with replies");
      ensure(record.broadcasts() >= 25, `only ${record.broadcasts()} broadcasts were delivered by their origins`);
    });
  });

  test("every node delivers a question before any answer to it (20 seeds)", () => {
    forEachSeed(20, (seed) => {
      const sim = causalCluster(causal, {
        seed,
        network: { minDelayMs: 1, maxDelayMs: 80 },
        onDeliver: (node, id, d) => {
          if (d.payload === "question") node.broadcast(`answer from ${id}`);
        },
      });
      const record = checkCausalDelivery(sim);
      sim.onNode("a", (node) => node.broadcast("question"));
      sim.runFor(1_000);
      for (const [id, node] of sim.liveNodes()) {
        const list = node.delivered().map((d) => d.payload);
        const q = list.indexOf("question");
        const early = list.filter((p, i) => p.startsWith("answer") && (q < 0 || i < q));
        ensure(
          q >= 0 && early.length === 0,
          `${id} delivered ${JSON.stringify(list)}: ${early.join(", ")} before the question they answer. A reply sent from the ` +
            "delivery handler must carry the delivered message in its causal past: record the delivery before calling onDeliver.",
        );
      }
      assertAllDelivered(sim, record, "after a question and its 4 answers");
    });
  });
});
