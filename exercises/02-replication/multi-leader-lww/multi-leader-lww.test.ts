import { codeOf, ensure } from "#kata/testing";
import { ManualContext, Simulation, startClients, type NetworkFaults } from "#kata/sim";
import * as lww from "./src/multi-leader-lww";
import type { Entry, LwwMessage } from "./src/multi-leader-lww";

type Node = InstanceType<typeof lww.MultiLeaderLwwNode>;
type Sim = Simulation<LwwMessage, Node>;

const FIXED = { minDelayMs: 5, maxDelayMs: 5 };

function cluster(
  seed: number,
  opts: { size?: number; network?: Partial<NetworkFaults>; clocks?: Record<string, { offsetMs?: number }> } = {},
): Sim {
  return new Simulation<LwwMessage, Node>({
    seed,
    nodeIds: Array.from({ length: opts.size ?? 3 }, (_, i) => `n${i + 1}`),
    createNode: (ctx) => new lww.MultiLeaderLwwNode(ctx),
    network: opts.network ?? FIXED,
    ...(opts.clocks ? { clocks: opts.clocks } : {}),
  });
}

function put(sim: Sim, node: string, key: string, value: string): void {
  sim.onNode(node, (n) => n.put(key, value, () => undefined));
}

function show(e: Entry | undefined): string {
  return e === undefined ? "nothing" : `${JSON.stringify(e.value)} stamped ${e.stamp.ms}ms by ${e.stamp.node}`;
}

/** What every live node holds for `key`, as "n1: ..., n2: ...". */
function holdings(sim: Sim, key: string): string {
  return sim
    .liveNodes()
    .map(([id, n]) => `${id}: ${show(n.entryOf(key))}`)
    .join(", ");
}

function valueAt(sim: Sim, id: string, key: string): string | null | undefined {
  return sim.node(id)?.get(key);
}

function values(sim: Sim, key: string): Set<string | null> {
  return new Set(sim.liveNodes().map(([, n]) => n.get(key)));
}

function expectConverged(sim: Sim, key: string, value: string, why: string): void {
  const got = values(sim, key);
  ensure(
    got.size === 1 && got.has(value),
    `expected every leader to hold ${JSON.stringify(value)} for "${key}" (${why}); they hold ${holdings(sim, key)}`,
  );
}

describe("multi-leader replication with last-writer-wins", () => {
  test("a write taken at one leader reaches every other leader", () => {
    const sim = cluster(1);
    put(sim, "n1", "x", "a");
    sim.runFor(100);
    expectConverged(sim, "x", "a", "replication is asynchronous but must arrive");
  });

  test("a put answers at once, before any peer has it", () => {
    const sim = cluster(2);
    let answered = false;
    sim.onNode("n2", (n) => n.put("x", "a", (r) => void (answered = r.ok)));
    ensure(answered, "a leader takes a write locally and answers at once; it did not answer before any message moved");
    ensure(valueAt(sim, "n1", "x") === null, "n1 already holds x before any message was delivered");
  });

  test("concurrent writes on both sides of a partition converge to the later stamp after the heal", () => {
    const sim = cluster(3);
    sim.partition(["n1"], ["n2", "n3"]);
    put(sim, "n1", "x", "left");
    sim.runFor(20);
    put(sim, "n3", "x", "right");
    sim.runFor(200);
    sim.heal();
    sim.runFor(300);
    expectConverged(sim, "x", "right", "n3 wrote 20 ms later by synchronised clocks, so its write wins everywhere");
  });

  test("equal stamps are settled by node id, the same way on every leader", () => {
    const sim = cluster(4);
    sim.partition(["n1"], ["n2"], ["n3"]);
    put(sim, "n1", "x", "from-n1");
    put(sim, "n3", "x", "from-n3");
    put(sim, "n2", "x", "from-n2");
    sim.heal();
    sim.runFor(300);
    expectConverged(sim, "x", "from-n3", "all three wrote at 0 ms; the largest node id breaks the tie");
  });

  test("a leader whose clock is ahead wins a concurrent write it never saw: the other write is lost", () => {
    const sim = cluster(5, { clocks: { n1: { offsetMs: 500 } } });
    sim.partition(["n1"], ["n2", "n3"]);
    put(sim, "n1", "x", "early-but-fast-clock");
    sim.runFor(200);
    put(sim, "n2", "x", "late-true-time");
    sim.heal();
    sim.runFor(300);
    expectConverged(
      sim,
      "x",
      "early-but-fast-clock",
      "n1's clock is 500 ms ahead, so its stamp (500 ms) beats n2's (200 ms) even though n2 wrote later: LWW keeps the larger stamp, not the later write",
    );
  });

  test("a write that follows one the leader has seen wins, even on a slow clock", () => {
    const sim = cluster(6, { clocks: { n1: { offsetMs: 500 } } });
    put(sim, "n1", "x", "first");
    sim.runFor(100);
    ensure(valueAt(sim, "n2", "x") === "first", `n2 should hold n1's write by now; ${holdings(sim, "x")}`);
    put(sim, "n2", "x", "second");
    ensure(
      valueAt(sim, "n2", "x") === "second",
      `n2 took "second" after it held "first", but reads back ${JSON.stringify(valueAt(sim, "n2", "x"))}: its clock (100 ms) is behind the stamp it held (500 ms by n1), so stamp the write above the one held`,
    );
    sim.runFor(300);
    expectConverged(sim, "x", "second", "n2's write came after n2 had seen n1's, so it must win everywhere");
  });

  test("lost messages are sent again until acknowledged", () => {
    const sim = cluster(7, { network: { minDelayMs: 1, maxDelayMs: 10, dropRate: 0.6 } });
    for (let i = 0; i < 10; i++) put(sim, `n${(i % 3) + 1}`, `k${i}`, `v${i}`);
    sim.runFor(3_000);
    for (let i = 0; i < 10; i++)
      expectConverged(sim, `k${i}`, `v${i}`, "60% of messages are dropped; resend what is unacknowledged");
  });

  test("an old acknowledgement does not stop the resending of a newer write", () => {
    const ctx = new ManualContext<LwwMessage>("n1", ["n2"]);
    const node = new lww.MultiLeaderLwwNode(ctx);
    node.put("x", "a", () => undefined);
    const first = node.entryOf("x");
    if (first === undefined) throw new Error("n1 holds nothing for x right after a put");
    ctx.advance(10);
    node.put("x", "b", () => undefined);
    ctx.takeSent();
    node.onMessage("n2", { type: "ReplicateAck", acks: [{ key: "x", stamp: first.stamp }] });
    ctx.fireNextTimer();
    const resent = ctx.takeSent().filter((s) => s.message.type === "Replicate");
    ensure(
      resent.some((s) => s.message.type === "Replicate" && s.message.entries.some((e) => e.value === "b")),
      `n2 acknowledged only "a" (the older stamp); n1 must keep sending "b" until n2 acknowledges it, but sent ${JSON.stringify(resent)}`,
    );
  });

  test("a leader that crashes and restarts keeps its writes and still ships them", () => {
    const sim = cluster(8);
    sim.partition(["n1"], ["n2", "n3"]);
    put(sim, "n1", "x", "kept");
    sim.runFor(30);
    sim.crash("n1");
    sim.heal();
    sim.runFor(100);
    sim.restart("n1");
    sim.runFor(300);
    expectConverged(
      sim,
      "x",
      "kept",
      "n1 acknowledged the write before it crashed; it is on its disk and must still reach the others",
    );
  });

  test("a random workload through partitions converges once the network heals", () => {
    const sim = cluster(9, { network: { minDelayMs: 1, maxDelayMs: 20, dropRate: 0.1, duplicateRate: 0.1 }, size: 4 });
    const clients = startClients(sim, {
      clients: 4,
      operationsPerClient: 30,
      timeoutMs: 100,
      nextInput: (random) => ({ key: `k${random.between(1, 3)}`, value: `v${random.between(1, 1000)}` }),
      submit: (node, input, reply) => node.put(input.key, input.value, () => reply("ok")),
    });
    sim.schedule(40, () => sim.partition(["n1", "n2"], ["n3", "n4"]));
    sim.schedule(200, () => sim.heal());
    sim.runUntil(() => clients.done(), 10_000);
    sim.runFor(1_000);
    for (const key of ["k1", "k2", "k3"]) {
      const got = values(sim, key);
      ensure(got.size === 1, `after the heal every leader should agree on "${key}"; ${holdings(sim, key)}`);
    }
  });

  test("bad input is refused with a typed error", () => {
    const ctx = new ManualContext<LwwMessage>("n1", ["n2"]);
    const node = new lww.MultiLeaderLwwNode(ctx);
    expect(codeOf(lww.LwwError, () => node.put("", "a", () => undefined))).toBe("INVALID_KEY");
    expect(codeOf(lww.LwwError, () => node.put("x", 3 as unknown as string, () => undefined))).toBe("INVALID_VALUE");
    expect(codeOf(lww.LwwError, () => new lww.MultiLeaderLwwNode(ctx, { syncIntervalMs: 0 }))).toBe("INVALID_INTERVAL");
  });

  test("malformed messages are ignored, never thrown on", () => {
    const ctx = new ManualContext<LwwMessage>("n1", ["n2"]);
    const node = new lww.MultiLeaderLwwNode(ctx);
    for (const junk of [
      null,
      3,
      { type: "Replicate" },
      { type: "Replicate", entries: [{ key: "x" }] },
      { type: "Nope" },
    ])
      node.onMessage("n2", junk as unknown as LwwMessage);
    ensure(node.get("x") === null, "a malformed Replicate must not write anything");
  });
});
