/** Grading-only tests: larger groups, harsher networks, crashes and pauses, and the edges of the rule. */
import fc from "fast-check";
import { ensure, propertySettings } from "#kata/testing";
import { forEachSeed, ManualContext } from "#kata/sim";
import * as causal from "./src/causal-broadcast";
import type { CausalMessage } from "./src/messages";
import { compare, merge, tick, type VectorClock } from "./src/vector-clock";
import { assertAllDelivered, chattyCluster, checkCausalDelivery, type CausalSimulation } from "./causal-cluster";

const show = (clock: VectorClock): string => JSON.stringify(clock).replaceAll('"', "");

const msg = (origin: string, stamp: VectorClock, payload: string): CausalMessage => ({
  type: "Broadcast",
  origin,
  stamp,
  payload,
});

function handNode(id: string, peers: string[]): causal.CausalBroadcastNode {
  return new causal.CausalBroadcastNode(new ManualContext<CausalMessage>(id, peers));
}

const payloads = (node: causal.CausalBroadcastNode): string[] => node.delivered().map((d) => d.payload);

/** Every node's delivered vector agrees with its list of deliveries, after every event. */
function checkVectorMatchesDeliveries(sim: CausalSimulation): void {
  sim.addInvariant("the delivered vector counts deliveries", () => {
    for (const [id, node] of sim.liveNodes()) {
      const counts = new Map<string, number>();
      for (const d of node.delivered()) counts.set(d.origin, (counts.get(d.origin) ?? 0) + 1);
      const clock = node.clock();
      for (const k of new Set([...counts.keys(), ...Object.keys(clock)]))
        if ((clock[k] ?? 0) !== (counts.get(k) ?? 0))
          return (
            `${id}'s delivered vector is ${show(clock)} but it delivered ${counts.get(k) ?? 0} message(s) of ${k}'s: entry k ` +
            "counts k's broadcasts delivered here, nothing else; its own entry counts its broadcasts only."
          );
    }
    return undefined;
  });
}

describe("vector clocks, beyond four nodes", () => {
  const wide = fc.dictionary(
    fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `n${i}`)),
    fc.integer({ min: 0, max: 2 }),
    { maxKeys: 12 },
  );

  test("property: on 12-node clocks, merge is after-or-equal both and compare is antisymmetric", () => {
    fc.assert(
      fc.property(wide, wide, (a, b) => {
        const m = merge(a, b);
        ensure(
          ["before", "equal"].includes(compare(a, m)) && ["before", "equal"].includes(compare(b, m)),
          `merge(${show(a)}, ${show(b)}) = ${show(m)} is not after-or-equal both`,
        );
        const flip = { before: "after", after: "before", equal: "equal", concurrent: "concurrent" } as const;
        ensure(
          compare(b, a) === flip[compare(a, b)],
          `compare(${show(a)}, ${show(b)}) is ${compare(a, b)} but the reverse is ${compare(b, a)}`,
        );
      }),
      propertySettings(150),
    );
  });

  test("tick of a node the clock does not name starts it at 1, and leaves the argument alone", () => {
    const clock = { a: 4 };
    const next = tick(clock, "z");
    ensure(
      (next.z ?? 0) === 1 && (next.a ?? 0) === 4 && JSON.stringify(clock) === '{"a":4}',
      `tick({a:4}, z) gave ${show(next)} and left its argument ${show(clock)}: a missing entry counts as 0, and tick must not change its arguments`,
    );
  });

  test("merge of two clocks that share no node keeps every entry of both", () => {
    const m = merge({ a: 2 }, { b: 3 });
    expect([m.a, m.b]).toEqual([2, 3]);
    expect(compare({ a: 2 }, { b: 3 })).toBe("concurrent");
  });
});

describe("the delivery rule at its edges", () => {
  test("concurrent messages do not wait for each other", () => {
    const node = handNode("c", ["a", "b", "d"]);
    node.onMessage("b", msg("b", { b: 1 }, "b1"));
    ensure(
      JSON.stringify(payloads(node)) === '["b1"]',
      `c received b's first broadcast, which depends on nothing, and delivered ${JSON.stringify(payloads(node))}. Causal ` +
        "order only holds back what a message depends on; concurrent messages from different senders are delivered as they come.",
    );
  });

  test("a message that depends on the receiver's own broadcast is delivered at once", () => {
    const ctx = new ManualContext<CausalMessage>("c", ["a", "b"]);
    const node = new causal.CausalBroadcastNode(ctx);
    node.broadcast("c1");
    node.onMessage("b", msg("b", { b: 1, c: 1 }, "re c1"));
    expect(payloads(node)).toEqual(["c1", "re c1"]);
  });

  test("a message far ahead of its sender waits without blocking others", () => {
    const node = handNode("c", ["a", "b"]);
    node.onMessage("a", msg("a", { a: 3 }, "a3"));
    node.onMessage("b", msg("b", { b: 1 }, "b1"));
    expect([payloads(node), node.pending()]).toEqual([["b1"], 1]);
    node.onMessage("a", msg("a", { a: 1 }, "a1"));
    node.onMessage("a", msg("a", { a: 2 }, "a2"));
    expect([payloads(node), node.pending()]).toEqual([["b1", "a1", "a2", "a3"], 0]);
  });

  test("a copy of its own broadcast, coming back, is dropped", () => {
    const ctx = new ManualContext<CausalMessage>("a", ["b", "c"]);
    const node = new causal.CausalBroadcastNode(ctx);
    node.broadcast("a1");
    const echo = ctx.takeSent()[0]?.message;
    if (echo) node.onMessage("b", echo);
    ensure(
      JSON.stringify(payloads(node)) === '["a1"]' && node.pending() === 0,
      `a broadcast a1, a copy came back from b, and a delivered ${JSON.stringify(payloads(node))}, holding ${node.pending()} ` +
        "back: a copy of a message already delivered must be dropped, not held back.",
    );
  });

  test("duplicates arriving before, between and after the original change nothing", () => {
    const node = handNode("d", ["a", "b", "c"]);
    const b1 = msg("b", { a: 1, b: 1 }, "b1");
    node.onMessage("b", b1);
    node.onMessage("b", b1);
    node.onMessage("a", msg("a", { a: 1 }, "a1"));
    node.onMessage("b", b1);
    node.onMessage("a", msg("a", { a: 1 }, "a1"));
    expect([payloads(node), node.pending()]).toEqual([["a1", "b1"], 0]);
  });
});

describe("harsher networks", () => {
  test("a group of 8, half the messages duplicated, delays 1-150 ms (6 seeds, checked at every event)", () => {
    forEachSeed(6, (seed) => {
      const sim = chattyCluster(causal, {
        seed,
        size: 8,
        network: { minDelayMs: 1, maxDelayMs: 150, duplicateRate: 0.5 },
        chatter: { broadcastsPerNode: 3, spreadMs: 200, replyChance: 0.1, maxReplies: 3 },
      });
      const record = checkCausalDelivery(sim);
      checkVectorMatchesDeliveries(sim);
      sim.runFor(3_000);
      assertAllDelivered(sim, record, "a group of 8 on a network that duplicates half its messages");
    });
  });

  test("a node that crashes mid-run: the others still deliver everything, in causal order (8 seeds)", () => {
    forEachSeed(8, (seed) => {
      const sim = chattyCluster(causal, {
        seed,
        network: { minDelayMs: 1, maxDelayMs: 60, duplicateRate: 0.1 },
        chatter: { broadcastsPerNode: 5, spreadMs: 300, replyChance: 0.2, maxReplies: 4 },
      });
      const record = checkCausalDelivery(sim);
      sim.schedule(150, () => sim.crash("c"));
      sim.runFor(3_000);
      assertAllDelivered(sim, record, "after c crashed at 150 ms");
    });
  });

  test("a node paused for 400 ms catches up when it resumes (8 seeds)", () => {
    forEachSeed(8, (seed) => {
      const sim = chattyCluster(causal, {
        seed,
        network: { minDelayMs: 1, maxDelayMs: 40, duplicateRate: 0.2 },
        chatter: { broadcastsPerNode: 5, spreadMs: 300, replyChance: 0.2, maxReplies: 4 },
      });
      const record = checkCausalDelivery(sim);
      checkVectorMatchesDeliveries(sim);
      sim.schedule(50, () => sim.pause("b", 400));
      sim.runFor(3_000);
      assertAllDelivered(sim, record, "after b was paused from 50 to 450 ms");
    });
  });
});
