import { ensure } from "#kata/testing";
import { forEachSeed, ManualContext, Simulation, startClients } from "#kata/sim";
import { MultiLeaderLwwNode, type LwwMessage } from "./src/multi-leader-lww";

type Sim = Simulation<LwwMessage, MultiLeaderLwwNode>;

test("every seed converges after partitions, crashes, clock jumps and a faulty network", () => {
  forEachSeed(8, (seed) => {
    const sim: Sim = new Simulation<LwwMessage, MultiLeaderLwwNode>({
      seed,
      nodeIds: ["n1", "n2", "n3"],
      createNode: (ctx) => new MultiLeaderLwwNode(ctx),
      network: { minDelayMs: 1, maxDelayMs: 15, dropRate: 0.15, duplicateRate: 0.1 },
      clocks: { n2: { offsetMs: 300, drift: 0.01 } },
    });
    const clients = startClients(sim, {
      clients: 3,
      operationsPerClient: 20,
      timeoutMs: 100,
      nextInput: (random) => ({ key: `k${random.between(1, 4)}`, value: `v${random.between(1, 1000)}` }),
      submit: (node, input, reply) => node.put(input.key, input.value, () => reply("ok")),
    });
    sim.schedule(30, () => sim.partition(["n1"], ["n2", "n3"]));
    sim.schedule(80, () => sim.crash("n3"));
    sim.schedule(120, () => sim.setClock("n1", { offsetMs: -200 }));
    sim.schedule(200, () => sim.restart("n3"));
    sim.schedule(250, () => sim.heal());
    sim.runUntil(() => clients.done(), 10_000);
    sim.runFor(1_500);
    for (const key of ["k1", "k2", "k3", "k4"]) {
      const held = sim.liveNodes().map(([id, n]) => `${id}: ${JSON.stringify(n.entryOf(key))}`);
      const distinct = new Set(sim.liveNodes().map(([, n]) => JSON.stringify(n.entryOf(key))));
      ensure(
        distinct.size === 1,
        `seed ${seed}: after the heal the leaders still disagree on "${key}": ${held.join(", ")}`,
      );
    }
  });
});

test("a duplicated or older Replicate changes nothing and is still acknowledged", () => {
  const ctx = new ManualContext<LwwMessage>("n1", ["n2"]);
  const node = new MultiLeaderLwwNode(ctx);
  const newer = { key: "x", value: "new", stamp: { ms: 50, node: "n2" } };
  const older = { key: "x", value: "old", stamp: { ms: 40, node: "n2" } };
  node.onMessage("n2", { type: "Replicate", entries: [newer] });
  node.onMessage("n2", { type: "Replicate", entries: [older, newer] });
  ensure(node.get("x") === "new", `an older entry replaced a newer one: n1 holds ${JSON.stringify(node.get("x"))}`);
  const acks = ctx.takeSent().filter((s) => s.message.type === "ReplicateAck");
  ensure(acks.length === 2, `every Replicate is acknowledged (2 were sent), got ${acks.length} acknowledgements`);
});

test("after a restart a leader offers what it holds to every peer", () => {
  const storage = new Map<string, unknown>();
  const first = new ManualContext<LwwMessage>("n1", ["n2", "n3"], { storage });
  new MultiLeaderLwwNode(first).put("x", "a", () => undefined);
  const again = new ManualContext<LwwMessage>("n1", ["n2", "n3"], { storage });
  const node = new MultiLeaderLwwNode(again);
  ensure(node.get("x") === "a", `the restarted leader lost "x"; it holds ${JSON.stringify(node.get("x"))}`);
  again.fireNextTimer();
  const to = again
    .takeSent()
    .filter((s) => s.message.type === "Replicate")
    .map((s) => s.to)
    .sort();
  ensure(
    to.join() === "n2,n3",
    `a restarted leader cannot know what its peers hold; it must offer "x" to n2 and n3, sent to [${to.join(", ")}]`,
  );
});
