/** Grading-only tests: more cluster sizes and level pairs, crashes, and the edges of each rule. */
import { codeOf, ensure, messageOf } from "#kata/testing";
import { checkLinearizable, formatWindow, forEachSeed, kvModel, ManualContext } from "#kata/sim";
import { QuorumError } from "./src/errors";
import type { ConsistencyLevel, KvMessage, Versioned } from "./src/messages";
import * as kv from "./src/kv-node";
import {
  callGet,
  callPut,
  checkOneValuePerVersion,
  checkVersionsNeverGoBack,
  kvCluster,
  kvHistory,
  nodeNames,
  showResult,
  startKvClients,
  type KvSimulation,
} from "./kv-cluster";

const v = (counter: number, node: string) => ({ counter, node });
const FIXED_DELAY = { minDelayMs: 5, maxDelayMs: 5 };
const NOTHING: Versioned = { value: null, version: v(0, "") };

function handNode(peers: string[] = ["n2", "n3"], storage?: Map<string, unknown>) {
  const ctx = new ManualContext<KvMessage>("n1", peers, storage ? { storage } : {});
  return { ctx, node: new kv.QuorumKvNode(ctx) };
}

function answers<R>() {
  const got: R[] = [];
  return { got, reply: (result: R) => void got.push(result) };
}

function readsSent(ctx: ManualContext<KvMessage>): Map<string, number> {
  const ids = new Map<string, number>();
  for (const { to, message } of ctx.takeSent()) if (message.type === "Read") ids.set(to, message.requestId);
  return ids;
}

function replyWith(node: kv.QuorumKvNode, from: string, requestId: number | undefined, key: string, copy: Versioned) {
  node.onMessage(from, { type: "ReadReply", requestId: requestId ?? -1, key, ...copy });
}

function writesSent(ctx: ManualContext<KvMessage>) {
  return ctx.takeSent().flatMap(({ to, message }) => (message.type === "Write" ? [{ to, message }] : []));
}

function linearizable(sim: KvSimulation, what: string): void {
  const result = checkLinearizable(kvHistory(sim), kvModel<string>());
  ensure(
    result.ok,
    `${what}: the history is not linearizable (virtual ms):\n${formatWindow(result.window, kvModel<string>())}\n` +
      "Each round must wait for enough distinct replicas (more than half for QUORUM, count each replica once), a read must " +
      "finish its read repair before it answers, a put's version must be above every write that completed before it, and " +
      "copies must survive a restart on stable storage.",
  );
}

function randomRun(
  seed: number,
  options: {
    size: number;
    reads: ConsistencyLevel;
    writes: ConsistencyLevel;
    network: Parameters<typeof kvCluster>[1]["network"];
    faults?: (sim: KvSimulation) => void;
  },
): KvSimulation {
  const sim = kvCluster(kv, { seed, size: options.size, network: options.network });
  checkVersionsNeverGoBack(sim, ["x", "y"]);
  checkOneValuePerVersion(sim, ["x", "y"]);
  const clients = startKvClients(sim, {
    reads: options.reads,
    writes: options.writes,
    keys: ["x", "y"],
    clients: 4,
    operationsPerClient: 12,
  });
  options.faults?.(sim);
  ensure(
    sim.runUntil(() => clients.done(), 60_000),
    "the clients did not finish within 60 s of virtual time",
  );
  return sim;
}

describe("other sizes and level pairs, judged by the checker", () => {
  // Few drops and a short partition: a failed ALL write has no result, and each one multiplies the
  // orders the checker must try.
  test.each<[ConsistencyLevel, ConsistencyLevel]>([
    ["QUORUM", "ALL"],
    ["ALL", "QUORUM"],
  ])("5 nodes, %s reads and %s writes, under drops, duplicates and a 2 | 3 partition (5 seeds)", (reads, writes) => {
    forEachSeed(5, (seed) => {
      const sim = randomRun(seed, {
        size: 5,
        reads,
        writes,
        network: { minDelayMs: 1, maxDelayMs: 20, dropRate: 0.01, duplicateRate: 0.05 },
        faults: (s) => {
          s.schedule(150, () => s.partition(["n1", "n2"], ["n3", "n4", "n5"]));
          s.schedule(300, () => s.heal());
        },
      });
      linearizable(sim, `${reads} reads, ${writes} writes on 5 nodes`);
    });
  });

  test("5 nodes, QUORUM/QUORUM, with half of all messages delivered twice: count each replica once (5 seeds)", () => {
    forEachSeed(5, (seed) => {
      const sim = randomRun(seed, {
        size: 5,
        reads: "QUORUM",
        writes: "QUORUM",
        network: { minDelayMs: 1, maxDelayMs: 20, duplicateRate: 0.5 },
        faults: (s) => {
          s.schedule(100, () => s.partition(["n1", "n2"], ["n3", "n4", "n5"]));
          s.schedule(500, () => s.heal());
        },
      });
      linearizable(sim, "QUORUM/QUORUM on 5 nodes with duplicates: count each replica once");
    });
  });

  test("3 nodes, QUORUM/QUORUM, while nodes crash and restart (5 seeds)", () => {
    forEachSeed(5, (seed) => {
      const sim = randomRun(seed, {
        size: 3,
        reads: "QUORUM",
        writes: "QUORUM",
        network: { minDelayMs: 1, maxDelayMs: 15, dropRate: 0.02 },
        faults: (s) => {
          for (const [at, id] of [
            [150, "n1"],
            [400, "n2"],
            [650, "n3"],
          ] as const) {
            s.schedule(at, () => s.crash(id));
            s.schedule(at + 120, () => s.restart(id));
          }
        },
      });
      linearizable(
        sim,
        "QUORUM/QUORUM on 3 nodes with crashes: a restarted replica keeps its copies on stable storage",
      );
    });
  });

  test("4 nodes split 2 | 2: no side has a quorum, so QUORUM answers UNAVAILABLE on both (more than half: 3 of 4)", () => {
    const sim = kvCluster(kv, { seed: 1, size: 4, network: FIXED_DELAY });
    sim.partition(["n1", "n2"], ["n3", "n4"]);
    const put = callPut(sim, "n1", "x", "a", "QUORUM");
    const get = callGet(sim, "n3", "x", "QUORUM");
    sim.runFor(300);
    ensure(
      put.result?.ok === false && get.result?.ok === false,
      `with 4 nodes split 2 | 2, a QUORUM put via n1 answered ${showResult(put.result)} and a QUORUM get via n3 answered ` +
        `${showResult(get.result)}. A quorum is more than half, 3 of 4: with 2 enough, each side would take writes the other ` +
        "side's reads cannot see.",
    );
  });

  test("a ONE put reaches every replica in the background", () => {
    const sim = kvCluster(kv, { seed: 1, network: FIXED_DELAY });
    callPut(sim, "n2", "x", "a", "ONE");
    sim.runFor(50);
    const held = nodeNames(3).map((id) => sim.node(id)?.replicaOf("x").value);
    ensure(
      held.every((value) => value === "a"),
      `50 ms after a ONE put of x=a via n2 the replicas hold ${JSON.stringify(held)}: ONE is how long the client waits, not ` +
        "how many replicas get the write; send it to every peer",
    );
  });

  test("a cluster of one node answers every level at once", () => {
    const ctx = new ManualContext<KvMessage>("solo", []);
    const node = new kv.QuorumKvNode(ctx);
    const got: string[] = [];
    for (const level of ["ONE", "QUORUM", "ALL"] as const) {
      node.put("x", level, level, (r) => got.push(showResult(r)));
      node.get("x", level, (r) => got.push(showResult(r)));
    }
    expect(got).toEqual([
      "ok at v1.solo",
      'ok "ONE" at v1.solo',
      "ok at v2.solo",
      'ok "QUORUM" at v2.solo',
      "ok at v3.solo",
      'ok "ALL" at v3.solo',
    ]);
  });
});

describe("the edges of each rule, driven by hand", () => {
  test("an ALL read writes the newest copy back to every stale replica and answers once all of them hold it", () => {
    const { ctx, node } = handNode();
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "ALL", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n2", ids.get("n2"), "x", { value: "b", version: v(2, "n2") });
    ensure(got.length === 0, "an ALL read of 3 replicas answered with 2 replies");
    replyWith(node, "n3", ids.get("n3"), "x", NOTHING);
    const repairs = writesSent(ctx);
    ensure(
      repairs.some((w) => w.to === "n3" && w.message.value === "b") && node.replicaOf("x").value === "b",
      `an ALL read found x=b at v2.n2 on n2, nothing on n1 (itself) and n3; it sent ${JSON.stringify(repairs)} and now holds ` +
        `${JSON.stringify(node.replicaOf("x"))}. Read repair writes the newest copy back to every stale replica, its own copy included.`,
    );
    ensure(
      got.length === 0,
      "an ALL read answered before n3 acknowledged its repair: the newest copy must be on all 3 replicas before it answers",
    );
    for (const { to, message } of repairs)
      node.onMessage(to, { type: "WriteAck", requestId: message.requestId, key: "x", version: v(2, "n2") });
    expect(got).toEqual([{ ok: true, value: "b", version: v(2, "n2") }]);
  });

  test("a read that finds no copy anywhere writes nothing back and answers null", () => {
    const { ctx, node } = handNode();
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "QUORUM", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n3", ids.get("n3"), "x", NOTHING);
    expect(writesSent(ctx)).toEqual([]);
    expect(got).toEqual([{ ok: true, value: null, version: v(0, "") }]);
  });

  test("a QUORUM put of 4 replicas waits for 3 acknowledgements, itself included", () => {
    const { ctx, node } = handNode(["n2", "n3", "n4"]);
    const { got, reply } = answers<kv.WriteResult>();
    node.put("x", "a", "QUORUM", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n2", ids.get("n2"), "x", NOTHING);
    ensure(
      writesSent(ctx).length === 0,
      "a QUORUM put of 4 replicas ended its version round with 2 answers: a quorum is more than half, 3 of 4",
    );
    replyWith(node, "n3", ids.get("n3"), "x", NOTHING);
    const writes = writesSent(ctx);
    expect(writes.map((w) => w.to).sort()).toEqual(["n2", "n3", "n4"]);
    const requestId = writes[0]?.message.requestId ?? -1;
    node.onMessage("n2", { type: "WriteAck", requestId, key: "x", version: v(1, "n1") });
    ensure(
      got.length === 0,
      "a QUORUM put of 4 replicas answered with 2 acknowledgements (its own and n2's): more than half is 3 of 4",
    );
    node.onMessage("n4", { type: "WriteAck", requestId, key: "x", version: v(1, "n1") });
    expect(got).toEqual([{ ok: true, version: v(1, "n1") }]);
  });

  test("an acknowledgement that says the replica holds something newer still counts: the put took effect, then lost to a later one", () => {
    const { ctx, node } = handNode();
    const { got, reply } = answers<kv.WriteResult>();
    node.put("x", "a", "QUORUM", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n2", ids.get("n2"), "x", NOTHING);
    const [write] = writesSent(ctx);
    node.onMessage("n3", {
      type: "WriteAck",
      requestId: write?.message.requestId ?? -1,
      key: "x",
      version: v(9, "n3"),
    });
    expect(got).toEqual([{ ok: true, version: v(1, "n1") }]);
  });

  test("an acknowledgement that arrives before the write was sent does not count", () => {
    const { ctx, node } = handNode();
    const { got, reply } = answers<kv.WriteResult>();
    node.put("x", "a", "QUORUM", reply);
    const ids = readsSent(ctx);
    node.onMessage("n3", { type: "WriteAck", requestId: ids.get("n3") ?? -1, key: "x", version: v(1, "n1") });
    replyWith(node, "n2", ids.get("n2"), "x", NOTHING);
    ensure(
      got.length === 0,
      "n1's put counted an acknowledgement from n3 that arrived during its version round, before any Write left: only " +
        "acknowledgements of the write this put sent count toward its store round",
    );
  });

  test("a reply about another key is not an answer, whatever its requestId", () => {
    const { ctx, node } = handNode();
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "QUORUM", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n2", ids.get("n2"), "y", { value: "other", version: v(4, "n2") });
    expect(got).toEqual([]);
  });

  test("a restarted coordinator does not take a reply to a request from before the restart for one of its new requests", () => {
    const storage = new Map<string, unknown>();
    const before = handNode(["n2", "n3"], storage);
    before.node.get("x", "QUORUM", () => undefined);
    const oldIds = readsSent(before.ctx);
    const after = handNode(["n2", "n3"], storage);
    const { got, reply } = answers<kv.ReadResult>();
    after.node.get("x", "QUORUM", reply);
    const newIds = readsSent(after.ctx);
    replyWith(after.node, "n2", oldIds.get("n2"), "x", { value: "stale", version: v(1, "n2") });
    ensure(
      got.length === 0 && newIds.get("n2") !== oldIds.get("n2"),
      `n1 sent Read #${oldIds.get("n2")}, crashed, restarted and sent Read #${newIds.get("n2")}; a reply to the first answered the ` +
        "second. A reply to a request from before the restart may carry a copy older than writes that completed since: never " +
        "reuse a request id, not even after a restart (keep the counter on stable storage).",
    );
  });

  test("a put whose version round succeeds but whose writes are not acknowledged answers UNAVAILABLE, and says the value may be out there", () => {
    const { ctx, node } = handNode();
    const { got, reply } = answers<kv.WriteResult>();
    node.put("x", "a", "QUORUM", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n2", ids.get("n2"), "x", NOTHING);
    expect(writesSent(ctx)).toHaveLength(2);
    ctx.fireNextTimer();
    const [result] = got;
    ensure(
      got.length === 1 && result?.ok === false && result.error.code === "UNAVAILABLE",
      `no replica acknowledged n1's write before the timeout, and n1 answered ${got.map(showResult).join(", ") || "nothing"}`,
    );
    expect(result.error.message).toMatch(/QUORUM/);
    expect(result.error.message).toMatch(/1 of 3 replicas acknowledged its write/);
    expect(result.error.message).toMatch(/needs 2/);
    expect(result.error.message).toMatch(/may/);
  });

  test("an UNAVAILABLE read says which level, how many replicas answered and how many it needed", () => {
    const { ctx, node } = handNode(["n2", "n3", "n4", "n5"]);
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "ALL", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n2", ids.get("n2"), "x", NOTHING);
    ctx.fireNextTimer();
    const [result] = got;
    ensure(result?.ok === false, `an ALL read with 2 of 5 answers answered ${showResult(result)}`);
    expect(result.error).toBeInstanceOf(QuorumError);
    expect(result.error.message).toMatch(/ALL/);
    expect(result.error.message).toMatch(/2 of 5 replicas answered its read round/);
    expect(result.error.message).toMatch(/needs 5/);
    expect(result.error.message).not.toMatch(/may/);
  });

  test("a read whose repair is not acknowledged in time answers UNAVAILABLE, and its message says so", () => {
    const { ctx, node } = handNode();
    node.onMessage("n3", { type: "Write", requestId: 50, key: "x", value: "a", version: v(1, "n3") });
    ctx.takeSent();
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "QUORUM", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n2", ids.get("n2"), "x", NOTHING);
    ctx.fireNextTimer();
    const [result] = got;
    ensure(result?.ok === false, `a read whose repair of n2 went unanswered answered ${showResult(result)}`);
    expect(result.error.message).toMatch(/1 of 3 replicas acknowledged its read repair/);
    ensure(
      !/may/.test(result.error.message),
      `a failed read repair only copied a value some replicas already held; its message should not say a value may show up ` +
        `later (that is for a put that failed in its write round), got: ${result.error.message}`,
    );
  });

  test("a put that fails in its version round says so, and does not say its value may be out there: it wrote nothing", () => {
    const { ctx, node } = handNode();
    const { got, reply } = answers<kv.WriteResult>();
    node.put("x", "a", "QUORUM", reply);
    ctx.takeSent();
    ctx.fireNextTimer();
    const [result] = got;
    ensure(result?.ok === false, `a put whose version round heard from no peer answered ${showResult(result)}`);
    expect(result.error.message).toMatch(/1 of 3 replicas answered its version round/);
    ensure(
      !/may/.test(result.error.message),
      `n1's put failed before any Write left, so no replica holds its value; the message should not say it may show up, got: ${result.error.message}`,
    );
    expect(node.replicaOf("x")).toEqual(NOTHING);
  });

  test("equal counters in a read: the copy that lost the tie is stale, and is repaired before the read answers", () => {
    const { ctx, node } = handNode();
    node.onMessage("n3", { type: "Write", requestId: 50, key: "x", value: "from-n3", version: v(5, "n3") });
    ctx.takeSent();
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "QUORUM", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n2", ids.get("n2"), "x", { value: "from-n2", version: v(5, "n2") });
    const repairs = writesSent(ctx);
    ensure(
      got.length === 0 && repairs.length === 1 && repairs[0]?.to === "n2" && repairs[0].message.value === "from-n3",
      `n1 holds x=from-n3 at v5.n3 and n2 answered x=from-n2 at v5.n2; n1 answered ${got.map(showResult).join(", ") || "nothing"} ` +
        `and wrote back ${JSON.stringify(repairs)}. v5.n2 is older than v5.n3 (same counter, node id breaks the tie): n2 is ` +
        "stale, so write from-n3 back to it and answer once it acknowledges, or a later read of n2 and n3 returns from-n2.",
    );
    node.onMessage("n2", { type: "WriteAck", requestId: repairs[0].message.requestId, key: "x", version: v(5, "n3") });
    expect(got).toEqual([{ ok: true, value: "from-n3", version: v(5, "n3") }]);
  });

  test("a ONE get answers from the node's own copy without a message: nothing to wait for, nothing to send", () => {
    const { ctx, node } = handNode();
    node.get("x", "ONE", () => undefined);
    expect(ctx.takeSent()).toEqual([]);
  });

  test("a message from a node that is not a replica is ignored", () => {
    const { ctx, node } = handNode();
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "QUORUM", reply);
    const ids = readsSent(ctx);
    replyWith(node, "intruder", ids.get("n2"), "x", { value: "forged", version: v(99, "intruder") });
    node.onMessage("intruder", { type: "Write", requestId: 1, key: "y", value: "forged", version: v(99, "intruder") });
    expect(got).toEqual([]);
    expect(node.replicaOf("y")).toEqual(NOTHING);
    expect(ctx.takeSent()).toEqual([]);
  });

  test("a write of the version a replica already holds changes nothing: one version, one value", () => {
    const { node } = handNode();
    node.onMessage("n2", { type: "Write", requestId: 1, key: "x", value: "first", version: v(5, "n2") });
    node.onMessage("n3", { type: "Write", requestId: 2, key: "x", value: "second", version: v(5, "n2") });
    expect(node.replicaOf("x")).toEqual({ value: "first", version: v(5, "n2") });
  });

  test("a custom request timeout is the one the coordinator waits", () => {
    const ctx = new ManualContext<KvMessage>("n1", ["n2", "n3"]);
    const node = new kv.QuorumKvNode(ctx, { requestTimeoutMs: 37 });
    node.get("x", "QUORUM", () => undefined);
    expect(ctx.timerDelays).toContain(37);
    expect(node.options.requestTimeoutMs).toBe(37);
  });

  test("bad input messages name the value given and what is allowed", () => {
    const { node } = handNode();
    expect(messageOf(QuorumError, () => node.get("x", "SOME" as ConsistencyLevel, () => undefined))).toMatch(
      /"ONE", "QUORUM", "ALL".*"SOME"/,
    );
    expect(messageOf(QuorumError, () => node.get("", "ONE", () => undefined))).toMatch(/non-empty string.*""/);
    expect(messageOf(QuorumError, () => node.put("x", 7 as unknown as string, "ONE", () => undefined))).toMatch(
      /string.*7/,
    );
    expect(messageOf(QuorumError, () => node.put("x", { a: 1 } as unknown as string, "ONE", () => undefined))).toMatch(
      /\{"a":1\}/,
    );
    expect(
      messageOf(QuorumError, () => node.put("x", Number.NaN as unknown as string, "ONE", () => undefined)),
    ).toMatch(/NaN/);
    expect(
      messageOf(
        QuorumError,
        () => new kv.QuorumKvNode(new ManualContext<KvMessage>("n1", []), { requestTimeoutMs: -1 }),
      ),
    ).toMatch(/-1/);
    expect(
      codeOf(QuorumError, () => node.put("x", "a", undefined as unknown as ConsistencyLevel, () => undefined)),
    ).toBe("INVALID_LEVEL");
  });
});
