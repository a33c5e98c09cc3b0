import { codeOf, ensure } from "#kata/testing";
import { checkLinearizable, formatWindow, forEachSeed, kvModel, LinearizabilityError, ManualContext } from "#kata/sim";
import { QuorumError, type QuorumErrorCode } from "./src/errors";
import type { ConsistencyLevel, KvMessage, Versioned } from "./src/messages";
import * as kv from "./src/kv-node";
import {
  callGet,
  callPut,
  checkOneValuePerVersion,
  checkVersionsNeverGoBack,
  kvCluster,
  kvHistory,
  showResult,
  showVersion,
  startKvClients,
  type KvSimulation,
} from "./kv-cluster";

const v = (counter: number, node: string) => ({ counter, node });
/** Every message takes exactly 5 ms: the scenarios below happen at known instants. */
const FIXED_DELAY = { minDelayMs: 5, maxDelayMs: 5 };
const FAULTY = { minDelayMs: 1, maxDelayMs: 20, dropRate: 0.05, duplicateRate: 0.05 };

/** One node on a hand-driven context: what it sends is recorded, its timers fire on request. */
function handNode(peers: string[] = ["n2", "n3"], storage?: Map<string, unknown>) {
  const ctx = new ManualContext<KvMessage>("n1", peers, storage ? { storage } : {});
  const node = new kv.QuorumKvNode(ctx);
  return { ctx, node };
}

function answers<R>() {
  const got: R[] = [];
  return { got, reply: (result: R) => void got.push(result) };
}

/** The requestId of the Read the node just sent to each peer. */
function readsSent(ctx: ManualContext<KvMessage>): Map<string, number> {
  const ids = new Map<string, number>();
  for (const { to, message } of ctx.takeSent()) if (message.type === "Read") ids.set(to, message.requestId);
  return ids;
}

/** Plays the peers' part for every Write the node sent since the last look: each acknowledges it. */
function acknowledgeWrites(ctx: ManualContext<KvMessage>, node: kv.QuorumKvNode): void {
  for (const { to, message } of ctx.takeSent())
    if (message.type === "Write")
      node.onMessage(to, {
        type: "WriteAck",
        requestId: message.requestId,
        key: message.key,
        version: message.version,
      });
}

function replyWith(node: kv.QuorumKvNode, from: string, requestId: number | undefined, key: string, copy: Versioned) {
  node.onMessage(from, { type: "ReadReply", requestId: requestId ?? -1, key, ...copy });
}

/** The history must be linearizable; if not, the failure shows the window and names the usual causes. */
function assertKvLinearizable(sim: KvSimulation, what: string): void {
  const result = checkLinearizable(kvHistory(sim), kvModel<string>());
  if (result.ok) return;
  throw new LinearizabilityError(
    `${what}: the history is not linearizable; no order of these operations respects real time and gives the results the ` +
      `clients saw (virtual ms):\n${formatWindow(result.window, kvModel<string>())}\n` +
      "The usual causes: a read that answers before its read repair is acknowledged (the newest copy must be on a quorum " +
      "before it answers); a put whose version is not above every write that completed before it (learn the newest version " +
      "from a quorum first); versions compared by counter alone (break the tie with the node id).",
    result.window,
  );
}

describe("one node, driven by hand", () => {
  test("a ONE put answers at once from the node's own copy, with version 1 of this node, and sends the write to every peer", () => {
    const { ctx, node } = handNode();
    const { got, reply } = answers<kv.WriteResult>();
    node.put("x", "a", "ONE", reply);
    expect(got).toEqual([{ ok: true, version: v(1, "n1") }]);
    expect(node.replicaOf("x")).toEqual({ value: "a", version: v(1, "n1") });
    const writes = ctx.takeSent().filter((s) => s.message.type === "Write");
    ensure(
      writes.length === 2 &&
        writes.every(
          (s) => JSON.stringify(s.message).includes('"value":"a"') && JSON.stringify(s.message).includes('"n1"'),
        ),
      `after a ONE put of x=a, n1 sent ${JSON.stringify(writes)}; it should send a Write of x=a at v1.n1 to n2 and to n3. ` +
        "ONE only says how many replicas the client waits for; every replica still gets the write.",
    );
  });

  test("a ONE get answers at once with the node's own copy; a key never written reads as null at version 0", () => {
    const { node } = handNode();
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "ONE", reply);
    expect(got).toEqual([{ ok: true, value: null, version: v(0, "") }]);
  });

  test("a QUORUM get asks every peer, waits for a majority (itself included) and answers the newest copy", () => {
    const { ctx, node } = handNode();
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "QUORUM", reply);
    const ids = readsSent(ctx);
    expect([...ids.keys()].sort()).toEqual(["n2", "n3"]);
    ensure(
      got.length === 0,
      `n1 answered ${got.map(showResult).join(", ")} with only its own copy; QUORUM of 3 needs 2 replicas`,
    );
    replyWith(node, "n2", ids.get("n2"), "x", { value: "b", version: v(3, "n2") });
    acknowledgeWrites(ctx, node);
    expect(got).toEqual([{ ok: true, value: "b", version: v(3, "n2") }]);
    ensure(
      node.replicaOf("x").value === "b",
      `n1's own copy was stale (nothing) and n2's was x=b at v3.n2; after the read n1 still holds ${JSON.stringify(node.replicaOf("x"))}. ` +
        "Read repair includes the coordinator's own copy: store the newest there too, before answering.",
    );
  });

  test("read repair: a read that finds a stale replica writes the newest copy back to it, and answers only once it is acknowledged", () => {
    const { ctx, node } = handNode();
    node.onMessage("n3", { type: "Write", requestId: 9, key: "x", value: "a", version: v(2, "n3") });
    ctx.takeSent();
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "QUORUM", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n2", ids.get("n2"), "x", { value: null, version: v(0, "") });
    const repair = ctx.takeSent().find((s) => s.to === "n2" && s.message.type === "Write");
    ensure(
      repair !== undefined && repair.message.type === "Write" && repair.message.value === "a",
      `n1 holds x=a at v2.n3 and n2 answered with no copy; n1 should write x=a back to n2 (read repair), and sent ${JSON.stringify(repair)}`,
    );
    ensure(
      got.length === 0,
      "n1 answered the QUORUM read before n2 acknowledged the repair: a read must write the newest copy back to a quorum before it " +
        "answers. Otherwise this read returns a, the repair is lost, and a later QUORUM read of n2 and n3 returns the older value: " +
        "new, then old, which no order of operations explains.",
    );
    node.onMessage("n2", { type: "WriteAck", requestId: repair.message.requestId, key: "x", version: v(2, "n3") });
    expect(got).toEqual([{ ok: true, value: "a", version: v(2, "n3") }]);
  });

  test("versions never go backwards: a replica keeps the newer of two writes in whatever order they arrive, and acknowledges both", () => {
    const { ctx, node } = handNode();
    node.onMessage("n2", { type: "Write", requestId: 1, key: "x", value: "new", version: v(5, "n2") });
    node.onMessage("n2", { type: "Write", requestId: 1, key: "x", value: "new", version: v(5, "n2") });
    node.onMessage("n3", { type: "Write", requestId: 7, key: "x", value: "old", version: v(3, "n3") });
    ensure(
      node.replicaOf("x").value === "new",
      `n1 got x=new at v5.n2 (twice), then a late x=old at v3.n3, and now holds ${JSON.stringify(node.replicaOf("x"))}: versions never go backwards. ` +
        "Store a write only if its version is newer than the copy you hold; messages arrive late, twice and out of order.",
    );
    expect(ctx.takeSent()).toEqual([
      { to: "n2", message: { type: "WriteAck", requestId: 1, key: "x", version: v(5, "n2") } },
      { to: "n2", message: { type: "WriteAck", requestId: 1, key: "x", version: v(5, "n2") } },
      { to: "n3", message: { type: "WriteAck", requestId: 7, key: "x", version: v(5, "n2") } },
    ]);
  });

  test("equal counters: the node id breaks the tie, so every replica keeps the same copy", () => {
    const a = handNode().node;
    a.onMessage("n2", { type: "Write", requestId: 1, key: "x", value: "from-n2", version: v(5, "n2") });
    a.onMessage("n3", { type: "Write", requestId: 1, key: "x", value: "from-n3", version: v(5, "n3") });
    const b = handNode().node;
    b.onMessage("n3", { type: "Write", requestId: 1, key: "x", value: "from-n3", version: v(5, "n3") });
    b.onMessage("n2", { type: "Write", requestId: 1, key: "x", value: "from-n2", version: v(5, "n2") });
    ensure(
      a.replicaOf("x").value === "from-n3" && b.replicaOf("x").value === "from-n3",
      `two writes with counter 5, from n2 and from n3, arrived in opposite orders at two replicas, which now hold ` +
        `${JSON.stringify(a.replicaOf("x").value)} and ${JSON.stringify(b.replicaOf("x").value)}. Equal counters are a tie, not ` +
        "the same version: break the tie with the node id (v5.n3 is newer than v5.n2), or replicas disagree forever and reads flip.",
    );
  });

  test("a quorum is more than half: with 4 nodes a QUORUM read waits for 3 answers", () => {
    const { ctx, node } = handNode(["n2", "n3", "n4"]);
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "QUORUM", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n2", ids.get("n2"), "x", { value: null, version: v(0, "") });
    ensure(
      got.length === 0,
      "n1 answered a QUORUM read of 4 replicas with 2 answers (its own and n2's): a quorum is more than half, 3 of 4. Two " +
        "halves of 4 can be disjoint, so a read of n1 and n2 can miss a write held by n3 and n4.",
    );
    replyWith(node, "n3", ids.get("n3"), "x", { value: null, version: v(0, "") });
    acknowledgeWrites(ctx, node);
    expect(got).toHaveLength(1);
  });

  test("each replica counts once: a reply the network delivered twice does not make a quorum", () => {
    const { ctx, node } = handNode(["n2", "n3", "n4", "n5"]);
    const reads = answers<kv.ReadResult>();
    node.get("x", "QUORUM", reads.reply);
    const ids = readsSent(ctx);
    replyWith(node, "n2", ids.get("n2"), "x", { value: null, version: v(0, "") });
    replyWith(node, "n2", ids.get("n2"), "x", { value: null, version: v(0, "") });
    const writes = answers<kv.WriteResult>();
    node.put("y", "b", "QUORUM", writes.reply);
    const putIds = readsSent(ctx);
    replyWith(node, "n2", putIds.get("n2"), "y", { value: null, version: v(0, "") });
    replyWith(node, "n3", putIds.get("n3"), "y", { value: null, version: v(0, "") });
    const write = ctx.takeSent().find((s) => s.to === "n2" && s.message.type === "Write");
    const requestId = write?.message.requestId ?? -1;
    node.onMessage("n2", { type: "WriteAck", requestId, key: "y", version: v(1, "n1") });
    node.onMessage("n2", { type: "WriteAck", requestId, key: "y", version: v(1, "n1") });
    ensure(
      reads.got.length === 0 && writes.got.length === 0,
      `with 5 replicas (QUORUM = 3), n1 answered ${reads.got.length ? "a read" : "a write"} after hearing from itself and from n2 ` +
        "twice: count each replica once per round (a set of replica ids, not a number). Networks deliver a message twice.",
    );
  });

  test("a put learns the newest version from a quorum before choosing its own: its counter is above the newest reported", () => {
    const { ctx, node } = handNode();
    const { reply } = answers<kv.WriteResult>();
    node.put("x", "b", "QUORUM", reply);
    const ids = readsSent(ctx);
    replyWith(node, "n3", ids.get("n3"), "x", { value: "a", version: v(7, "n3") });
    const writes = ctx.takeSent().filter((s) => s.message.type === "Write");
    const versions = writes.map((s) => (s.message.type === "Write" ? showVersion(s.message.version) : "?"));
    ensure(
      writes.length === 2 && versions.every((x) => x === "v8.n1"),
      `n3 reported x=a at v7.n3, and n1's put of x=b then sent its writes at ${versions.join(", ") || "nothing"}; they should carry ` +
        "v8.n1. A put must take a version above every write that completed before it began: learn the newest version from a " +
        "quorum (any quorum meets every completed write) and go one above it. A counter of your own alone loses to writes made " +
        "through other nodes.",
    );
  });

  test("two puts in flight on one coordinator get different versions", () => {
    const { ctx, node } = handNode();
    const { reply } = answers<kv.WriteResult>();
    node.put("x", "a", "QUORUM", reply);
    node.put("x", "b", "QUORUM", reply);
    const reads = ctx.takeSent().filter((s) => s.to === "n2" && s.message.type === "Read");
    for (const read of reads) replyWith(node, "n2", read.message.requestId, "x", { value: null, version: v(0, "") });
    const versions = ctx
      .takeSent()
      .flatMap((s) =>
        s.to === "n2" && s.message.type === "Write" ? [`${s.message.value}@${showVersion(s.message.version)}`] : [],
      );
    ensure(
      versions.length === 2 && new Set(versions.map((x) => x.split("@")[1])).size === 2,
      `n1 put x=a and x=b at once; both version rounds saw nothing newer than v0, and the writes went out as ${versions.join(" and ")}. ` +
        "Two writes must never share a version (one version, one value): keep the highest counter this node has issued and go " +
        "above it as well as above what the round reported.",
    );
  });

  test("a restarted node keeps every copy it acknowledged (stable storage)", () => {
    const storage = new Map<string, unknown>();
    const before = handNode(["n2", "n3"], storage);
    before.node.onMessage("n2", { type: "Write", requestId: 4, key: "x", value: "a", version: v(4, "n2") });
    before.node.put("y", "b", "ONE", () => undefined);
    const after = handNode(["n2", "n3"], storage).node;
    ensure(
      after.replicaOf("x").value === "a" && after.replicaOf("y").value === "b",
      `n1 acknowledged x=a and y=b, crashed and restarted, and now holds x=${JSON.stringify(after.replicaOf("x").value)}, ` +
        `y=${JSON.stringify(after.replicaOf("y").value)}. Keep copies on stable storage (ctx.storage), written before the ` +
        "acknowledgement leaves: a quorum that counted this replica's acknowledgement must still be a quorum after it restarts.",
    );
  });

  test("a coordinator that hears too few replicas answers UNAVAILABLE when its timeout fires, exactly once", () => {
    const { ctx, node } = handNode();
    const { got, reply } = answers<kv.ReadResult>();
    node.get("x", "QUORUM", reply);
    const ids = readsSent(ctx);
    ensure(
      ctx.timerDelays.includes(kv.DEFAULT_OPTIONS.requestTimeoutMs),
      `a get should set a timer of requestTimeoutMs (${kv.DEFAULT_OPTIONS.requestTimeoutMs} ms); timers set: ${ctx.timerDelays.join(", ") || "none"}`,
    );
    ctx.fireNextTimer();
    const [first] = got;
    ensure(
      got.length === 1 &&
        first?.ok === false &&
        first.error instanceof QuorumError &&
        first.error.code === "UNAVAILABLE",
      `no peer answered n1's QUORUM read before its timeout; it answered ${got.map(showResult).join(", ") || "nothing"}. A coordinator that cannot hear ` +
        "from enough replicas answers { ok: false, error: QuorumError UNAVAILABLE } when the timeout fires: never a hang, never " +
        "a success it did not get.",
    );
    replyWith(node, "n2", ids.get("n2"), "x", { value: "a", version: v(1, "n2") });
    ensure(got.length === 1, "a reply that arrived after the timeout made n1 answer the same read a second time");
  });

  test("ignores malformed messages without throwing", () => {
    const { ctx, node } = handNode();
    const garbage = [
      null,
      { type: "Bogus", requestId: 1, key: "x" },
      { type: "Write", requestId: 1, key: "x", value: 5, version: v(1, "n2") },
      { type: "Write", requestId: 1, key: "x", value: "a", version: { counter: -1, node: "n2" } },
      { type: "Read", requestId: "1", key: "x" },
      { type: "ReadReply", requestId: 1, key: "x", value: "a" },
    ];
    for (const message of garbage) node.onMessage("n2", message as unknown as KvMessage);
    expect(ctx.takeSent()).toEqual([]);
    expect(node.replicaOf("x")).toEqual({ value: null, version: v(0, "") });
  });
});

describe("bad input gets a QuorumError, and nothing is sent", () => {
  const callCode = (act: (node: kv.QuorumKvNode) => void): QuorumErrorCode => {
    const { ctx, node } = handNode();
    const code = codeOf(QuorumError, () => act(node));
    expect(ctx.takeSent()).toEqual([]);
    return code;
  };
  const noop = () => undefined;

  test.each<[string, (node: kv.QuorumKvNode) => void, QuorumErrorCode]>([
    ["an empty key", (n) => n.get("", "ONE", noop), "INVALID_KEY"],
    ["a key that is not a string", (n) => n.put(42 as unknown as string, "a", "ONE", noop), "INVALID_KEY"],
    ["a value that is not a string", (n) => n.put("x", { a: 1 } as unknown as string, "QUORUM", noop), "INVALID_VALUE"],
    ["an unknown level", (n) => n.get("x", "TWO" as ConsistencyLevel, noop), "INVALID_LEVEL"],
    ["a lower-case level", (n) => n.put("x", "a", "quorum" as ConsistencyLevel, noop), "INVALID_LEVEL"],
  ])("%s", (_, act, code) => {
    expect(callCode(act)).toBe(code);
  });

  test.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])("a request timeout of %p ms is INVALID_TIMEOUT", (ms) => {
    expect(
      codeOf(
        QuorumError,
        () => new kv.QuorumKvNode(new ManualContext<KvMessage>("n1", ["n2"]), { requestTimeoutMs: ms }),
      ),
    ).toBe("INVALID_TIMEOUT");
  });
});

describe("a cluster of 3 on the simulated network", () => {
  test("QUORUM reads and QUORUM writes are linearizable under delays, drops, duplicates and a partition (12 seeds)", () => {
    forEachSeed(12, (seed) => {
      const sim = kvCluster(kv, { seed, network: FAULTY });
      checkVersionsNeverGoBack(sim, ["x", "y"]);
      checkOneValuePerVersion(sim, ["x", "y"]);
      const clients = startKvClients(sim, {
        reads: "QUORUM",
        writes: "QUORUM",
        keys: ["x", "y"],
        clients: 4,
        operationsPerClient: 12,
      });
      sim.schedule(300, () => sim.partition(["n1"], ["n2", "n3"]));
      sim.schedule(900, () => sim.heal());
      ensure(
        sim.runUntil(() => clients.done(), 60_000),
        "the clients did not finish within 60 s of virtual time",
      );
      assertKvLinearizable(sim, "QUORUM/QUORUM on 3 nodes");
      const answered = kvHistory(sim).filter((op) => op.returnedAt !== undefined).length;
      ensure(
        answered >= 24,
        `only ${answered} of 48 operations succeeded; QUORUM must answer whenever a majority is reachable (all but 300-900 ms on n1)`,
      );
    });
  });

  test("with R + W <= N (ONE and ONE) a read can miss a write that completed: the checker catches the stale read", () => {
    const sim = kvCluster(kv, { seed: 1, network: FIXED_DELAY });
    const put = callPut(sim, "n1", "x", "a", "ONE");
    sim.runFor(1);
    const get = callGet(sim, "n2", "x", "ONE");
    sim.runFor(50);
    ensure(
      put.result?.ok === true && put.answeredAt === 0 && get.result?.ok === true && get.result.value === null,
      `a ONE put via n1 should be answered at once from n1's own copy (got ${showResult(put.result)} at ${put.answeredAt} ms), ` +
        `and a ONE get via n2 1 ms later from n2's own copy, which the write has not reached: null (got ${showResult(get.result)}). ` +
        "ONE waits for one replica in each round, and the coordinator's own copy is always the first to answer.",
    );
    const verdict = checkLinearizable(kvHistory(sim), kvModel<string>());
    expect(verdict.ok).toBe(false);
    expect(verdict.window.map((op) => op.input.type).sort()).toEqual(["get", "put"]);
  });

  test("ONE reads with ALL writes see every completed write, yet can see a failed write, then not: R + W > N is not enough", () => {
    const sim = kvCluster(kv, { seed: 1, network: FIXED_DELAY });
    const done = callPut(sim, "n1", "x", "a", "ALL");
    sim.runFor(50);
    const afterwards = ["n1", "n2", "n3"].map((id) => callGet(sim, id, "x", "ONE"));
    sim.runFor(50);
    ensure(
      done.result?.ok === true && afterwards.every((c) => c.result?.ok && c.result.value === "a"),
      `after an ALL put of x=a completed, ONE reads via n1, n2, n3 returned ${afterwards.map((c) => showResult(c.result)).join(", ")}: ` +
        "an ALL write is on every replica when it completes, so any one replica has it",
    );
    const failed = callPut(sim, "n1", "x", "b", "ALL");
    sim.runFor(12); // the version round is over at 10 ms; its writes leave then, and arrive at 15 ms
    sim.partition(["n1", "n2"], ["n3"]);
    sim.runFor(150);
    const sawNew = callGet(sim, "n2", "x", "ONE");
    sim.runFor(10);
    const sawOld = callGet(sim, "n3", "x", "ONE");
    sim.runFor(10);
    ensure(
      failed.result?.ok === false &&
        sawNew.result?.ok === true &&
        sawNew.result.value === "b" &&
        sawOld.result?.ok === true,
      `an ALL put of x=b whose write to n3 was cut should fail UNAVAILABLE (got ${showResult(failed.result)}) and leave b on n1 and ` +
        `n2: a ONE read via n2 then returns b (got ${showResult(sawNew.result)}). A failed write is not rolled back.`,
    );
    expect(sawOld.result.value).toBe("a");
    expect(checkLinearizable(kvHistory(sim), kvModel<string>()).ok).toBe(false);
  });

  test("read repair finishes before a read answers: two QUORUM reads never see a half-done write new, then old", () => {
    const sim = kvCluster(kv, { seed: 1, network: FIXED_DELAY });
    const halfDone = callPut(sim, "n1", "x", "a", "QUORUM");
    sim.runFor(12); // the version round is over at 10 ms; its writes leave then, and arrive at 15 ms
    sim.partition(["n1"], ["n2", "n3"]);
    sim.runFor(150);
    ensure(
      halfDone.result?.ok === false,
      `a QUORUM put whose writes were all cut should fail, got ${showResult(halfDone.result)}`,
    );
    sim.heal();
    sim.partition(["n1", "n2"], ["n3"]);
    const first = callGet(sim, "n1", "x", "QUORUM");
    sim.runUntil(() => first.result !== undefined, 500);
    sim.heal();
    sim.partition(["n1"], ["n2", "n3"]);
    const second = callGet(sim, "n3", "x", "QUORUM");
    sim.runFor(150);
    const firstValue = first.result?.ok ? first.result.value : "(unavailable)";
    const secondValue = second.result?.ok ? second.result.value : "(unavailable)";
    ensure(
      firstValue === "a" && secondValue === "a",
      `x=a reached only n1 before its put failed. A QUORUM read via n1 (with n2) returned ${JSON.stringify(firstValue)}; then, with ` +
        `n1 cut off, a QUORUM read via n3 (with n2) returned ${JSON.stringify(secondValue)}. Both should return a: the first read ` +
        "finds n2 stale and must write a back to it, and wait for n2's acknowledgement before it answers, so the newest copy is on " +
        "a quorum that every later quorum meets. A read that answers first and repairs afterwards lets a second read see new, then old.",
    );
    assertKvLinearizable(sim, "a half-done write and two QUORUM reads");
  });

  test("a put that follows a completed put wins, whichever node coordinates it", () => {
    const sim = kvCluster(kv, { seed: 1, network: FIXED_DELAY });
    sim.partition(["n1"], ["n2", "n3"]);
    const first = callPut(sim, "n2", "x", "a", "QUORUM");
    sim.runFor(50);
    sim.heal();
    const second = callPut(sim, "n1", "x", "b", "QUORUM");
    sim.runFor(50);
    const reads = ["n1", "n3"].map((id) => callGet(sim, id, "x", "QUORUM"));
    sim.runFor(50);
    const seen = reads.map((c) => (c.result?.ok ? c.result.value : "(unavailable)"));
    ensure(
      first.result?.ok === true && second.result?.ok === true && seen.every((value) => value === "b"),
      `x=a was put via n2 (which n1 never heard of), then x=b via n1, after the first put completed. QUORUM reads via n1 and n3 ` +
        `then returned ${seen.map((s) => JSON.stringify(s)).join(" and ")}; both should return b. A put must take a version above every ` +
        "write that completed before it began: learn the newest version from a quorum first (any quorum meets the replicas " +
        `that acknowledged a), then go one above it. n1's version ${second.result?.ok ? showVersion(second.result.version) : "?"} vs a's ` +
        `${first.result?.ok ? showVersion(first.result.version) : "?"}.`,
    );
    assertKvLinearizable(sim, "two puts in a row");
  });

  test("two puts that pick the same counter at once: every replica settles on the same one, and reads agree", () => {
    const sim = kvCluster(kv, { seed: 1, network: FIXED_DELAY });
    checkOneValuePerVersion(sim, ["x"]);
    const puts = [callPut(sim, "n1", "x", "from-n1", "QUORUM"), callPut(sim, "n3", "x", "from-n3", "QUORUM")];
    sim.runFor(100);
    const copies = ["n1", "n2", "n3"].map((id) => sim.node(id)?.replicaOf("x"));
    const reads = ["n1", "n3", "n1"].map((id) => {
      const call = callGet(sim, id, "x", "QUORUM");
      sim.runFor(50);
      return call.result?.ok ? call.result.value : "(unavailable)";
    });
    ensure(
      puts.every((p) => p.result?.ok) && new Set(copies.map((c) => c?.value)).size === 1 && new Set(reads).size === 1,
      `two concurrent puts (${puts.map((p) => (p.result?.ok ? showVersion(p.result.version) : "failed")).join(", ")}) left the ` +
        `replicas holding ${copies.map((c) => JSON.stringify(c?.value)).join(", ")}, and QUORUM reads returned ${reads.join(", ")}. ` +
        "Equal counters are a tie between two different writes: break the tie with the node id, the same way everywhere, so " +
        "every replica keeps the same winner and every read returns it.",
    );
    assertKvLinearizable(sim, "two concurrent puts");
  });

  test("under a partition {n1} | {n2, n3}: ONE answers on both sides, QUORUM on the majority side only, ALL on neither, within the timeout", () => {
    const expected: Record<ConsistencyLevel, string[]> = { ONE: ["n1", "n2"], QUORUM: ["n2"], ALL: [] };
    for (const level of ["ONE", "QUORUM", "ALL"] as const) {
      for (const via of ["n1", "n2"]) {
        const sim = kvCluster(kv, { seed: 1, network: FIXED_DELAY });
        sim.partition(["n1"], ["n2", "n3"]);
        const calls = [callPut(sim, via, "x", "a", level), callGet(sim, via, "y", level)];
        sim.runFor(500);
        for (const [i, call] of calls.entries()) {
          const what = `a ${level} ${i === 0 ? "put" : "get"} via ${via} (${via === "n1" ? "alone, 1 of 3 replicas" : "with n3, 2 of 3"})`;
          const shouldWork = expected[level].includes(via);
          ensure(
            call.result !== undefined &&
              (call.answeredAt ?? Infinity) - call.invokedAt <= kv.DEFAULT_OPTIONS.requestTimeoutMs,
            `${what} got no answer within the ${kv.DEFAULT_OPTIONS.requestTimeoutMs} ms request timeout: a coordinator that cannot ` +
              "reach enough replicas answers UNAVAILABLE when its timeout fires; it never leaves the client hanging",
          );
          ensure(
            call.replies === 1,
            `${what} called reply ${call.replies} times; exactly once, whatever arrives later`,
          );
          if (shouldWork)
            ensure(
              call.result.ok,
              `${what} answered ${showResult(call.result)}; ${level} needs ${level === "ONE" ? "one replica, and the coordinator is one" : "2 of 3, and it can reach 2"}`,
            );
          else
            ensure(
              !call.result.ok && call.result.error instanceof QuorumError && call.result.error.code === "UNAVAILABLE",
              `${what} answered ${showResult(call.result)}; ${level} needs ${level === "ALL" ? "all 3" : "2 of 3"} replicas, so it ` +
                "must answer UNAVAILABLE: never answer success the replicas did not give",
            );
        }
      }
    }
  });

  test("a replica that crashes and restarts keeps what it acknowledged: a QUORUM read after the writers restart still sees the write", () => {
    const sim = kvCluster(kv, { seed: 1, network: FIXED_DELAY });
    checkVersionsNeverGoBack(sim, ["x"]);
    sim.partition(["n1", "n2"], ["n3"]);
    const put = callPut(sim, "n1", "x", "a", "QUORUM");
    sim.runFor(50);
    sim.heal();
    for (const id of ["n1", "n2"]) {
      sim.crash(id);
      sim.restart(id);
    }
    const get = callGet(sim, "n3", "x", "QUORUM");
    sim.runFor(50);
    ensure(
      put.result?.ok === true && get.result?.ok === true && get.result.value === "a",
      `x=a was acknowledged by n1 and n2 (n3 was cut off); both crashed and restarted, and a QUORUM read via n3 then returned ` +
        `${showResult(get.result)}. Keep every copy on stable storage (ctx.storage) before acknowledging it: an acknowledged ` +
        "write must survive a restart, or a quorum of acknowledgements means nothing.",
    );
  });
});
