import { codeOf, ensure } from "#kata/testing";
import { checkLinearizable, formatWindow, forEachSeed, kvModel, ManualContext } from "#kata/sim";
import { ReplicationError, type ReplicationErrorCode } from "./src/errors";
import type { Entry, ReplicaStatus, ReplicationMessage } from "./src/messages";
import * as replica from "./src/replica-node";
import { chooseSuccessor } from "./src/promotion";
import {
  checkLogsAgree,
  currentLeader,
  failover,
  kvHistory,
  replay,
  replicationCluster,
  startReplicationClients,
  type ReplicationSimulation,
} from "./replication-cluster";

const FAULTY = { minDelayMs: 1, maxDelayMs: 10, dropRate: 0.05, duplicateRate: 0.05 };
/** Longer than any message's delay: after it, nothing a crashed leader sent can still arrive. */
const DRAIN_MS = 15;
const KEYS = ["x", "y", "z"];

const entry = (seq: number, key: string, value: string, epoch = 1): Entry => ({ seq, epoch, key, value });

/** One node on a hand-driven context: what it sends is recorded, its timers fire on request. */
function handNode(id: string, options: Partial<replica.ReplicaOptions> = {}) {
  const peers = ["n1", "n2", "n3"].filter((p) => p !== id);
  const ctx = new ManualContext<ReplicationMessage>(id, peers);
  const node = new replica.ReplicaNode(ctx, { leader: "n1", ...options });
  return { ctx, node };
}

function append(
  node: replica.ReplicaNode,
  entries: Entry[],
  options: { epoch?: number; from?: string; leaderSeq?: number } = {},
): void {
  const from = options.from ?? "n1";
  node.onMessage(from, {
    type: "Append",
    epoch: options.epoch ?? 1,
    leaderId: from,
    entries,
    leaderSeq: options.leaderSeq ?? Math.max(0, ...entries.map((e) => e.seq)),
  });
}

function acksSent(ctx: ManualContext<ReplicationMessage>): number[] {
  return ctx.takeSent().flatMap(({ message }) => (message.type === "Ack" ? [message.appliedSeq] : []));
}

function appendsSent(ctx: ManualContext<ReplicationMessage>): { to: string; seqs: number[]; epoch: number }[] {
  return ctx
    .takeSent()
    .flatMap(({ to, message }) =>
      message.type === "Append" ? [{ to, seqs: message.entries.map((e) => e.seq), epoch: message.epoch }] : [],
    );
}

const seqsOf = (entries: readonly Entry[]) => entries.map((e) => `#${e.seq}`).join(" ") || "nothing";

describe("a follower, driven by hand", () => {
  test("applies entries in seq order: #2 arriving first waits until #1 has been applied", () => {
    const { node } = handNode("n2");
    append(node, [entry(2, "y", "b")]);
    ensure(
      node.read("y").value === null && node.entries().length === 0,
      `n2 received #2 (y=b) before #1 and now reads y=${JSON.stringify(node.read("y").value)} with log ${seqsOf(node.entries())}. ` +
        "Apply entries in order: #2 waits until #1 arrives, or a follower shows a state the leader never had (#2's write " +
        "without #1's) and, if both write one key, ends on the older value.",
    );
    append(node, [entry(1, "x", "a")]);
    expect([node.read("x").value, node.read("y").value, node.read("y").seq]).toEqual(["a", "b", 2]);
    expect(node.entries()).toEqual([entry(1, "x", "a"), entry(2, "y", "b")]);
  });

  test("applies each entry exactly once: a late duplicate of #1 does not undo #2", () => {
    const { node } = handNode("n2");
    append(node, [entry(1, "x", "a")]);
    append(node, [entry(2, "x", "b")]);
    append(node, [entry(1, "x", "a")]);
    ensure(
      node.read("x").value === "b" && node.entries().length === 2,
      `n2 applied #1 x=a, then #2 x=b, then got #1 again (the network duplicated it, or the leader resent it); it now reads ` +
        `x=${JSON.stringify(node.read("x").value)} with log ${seqsOf(node.entries())}. Apply each entry exactly once: an entry ` +
        "at or below the log's end is a duplicate, and is dropped.",
    );
  });

  test("acknowledges the end of its contiguous log, never an entry past a gap", () => {
    const { ctx, node } = handNode("n2");
    append(node, [entry(2, "y", "b")]);
    const early = acksSent(ctx);
    ensure(
      early.length === 1 && early[0] === 0,
      `n2 holds only #2 (its #1 was lost) and acknowledged ${early.join(", ") || "nothing"}; it must acknowledge 0. An Ack is ` +
        "cumulative: it says every entry up to appliedSeq is applied, with no gap. A leader told 2 would never resend #1, and " +
        "would count n2 as holding writes it lacks.",
    );
    append(node, [entry(1, "x", "a")]);
    expect(acksSent(ctx)).toEqual([2]);
  });

  test("drops an Append of an older epoch: a replaced leader's late message", () => {
    const { ctx, node } = handNode("n2");
    append(node, [entry(1, "x", "a")]);
    append(node, [], { epoch: 2, from: "n3", leaderSeq: 1 });
    expect(node.status()).toMatchObject({ epoch: 2, leader: "n3" });
    ctx.takeSent();
    append(node, [entry(2, "x", "lost")], { epoch: 1, from: "n1" });
    append(node, [entry(2, "x", "new", 2)], { epoch: 2, from: "n3" });
    ensure(
      node.read("x").value === "new" && node.entries()[1]?.epoch === 2,
      `n2 follows n3 in epoch 2; a late Append of epoch 1 from n1 (#2 x=lost), then n3's #2 x=new (epoch 2) arrived, and n2 ` +
        `now reads x=${JSON.stringify(node.read("x").value)}. Drop an Append of an older epoch: it comes from a leader that has ` +
        "been replaced, whose seqs the new leader reuses for its own writes.",
    );
  });

  test("on a new epoch, forgets the entries the old leader left waiting for a gap", () => {
    const { node } = handNode("n2");
    append(node, [entry(1, "x", "a")]);
    append(node, [entry(3, "y", "old")], { leaderSeq: 3 }); // #2 lost: #3 waits
    append(node, [entry(2, "x", "b"), entry(3, "y", "new", 2)], { epoch: 2, from: "n3", leaderSeq: 3 });
    ensure(
      node.read("y").value === "new" && node.entries()[2]?.epoch === 2,
      `n2 had #1, and the old leader's #3 (y=old) waiting for #2. n3 was promoted (epoch 2) with #2 and wrote its own #3 ` +
        `(y=new); n2 now reads y=${JSON.stringify(node.read("y").value)} with #3 of epoch ${node.entries()[2]?.epoch}. On a new ` +
        "epoch, forget the entries waiting for a gap: they came from the old leader, and the new one numbers its own writes " +
        "from its own log's end.",
    );
  });

  test("reports its lag: entries the leader has beyond its log, and for how long it has been behind", () => {
    const { ctx, node } = handNode("n2");
    ctx.advance(10);
    append(node, [entry(1, "x", "a")], { leaderSeq: 3 });
    ctx.advance(30);
    const behind = node.read("x");
    ensure(
      behind.seq === 1 && behind.lag.entries === 2 && behind.lag.ms === 30,
      `at 10 ms n2 got #1 from a leader at #3; at 40 ms a read answered seq ${behind.seq}, lag ${JSON.stringify(behind.lag)}. ` +
        "It should say seq 1 and lag { entries: 2, ms: 30 }: the leader's last Append said #3, and n2 has been behind since it " +
        "learned so, 30 ms ago on its own clock.",
    );
    append(node, [entry(2, "y", "b"), entry(3, "z", "c")]);
    expect(node.read("z")).toEqual({ value: "c", seq: 3, lag: { entries: 0, ms: 0 } });
  });

  test("a write sent to a follower answers NOT_LEADER, naming the leader", () => {
    const { node } = handNode("n2");
    const got: replica.WriteResult[] = [];
    node.write("x", "a", (result) => got.push(result));
    const [answer] = got;
    ensure(
      got.length === 1 &&
        answer?.ok === false &&
        answer.error.code === "NOT_LEADER" &&
        answer.error.message.includes("n1"),
      `a write to follower n2 answered ${JSON.stringify(got)}; it should answer once, at once, { ok: false, error: ` +
        "ReplicationError NOT_LEADER } with a message naming the leader (n1), and store nothing",
    );
    expect(node.entries()).toEqual([]);
  });

  test("ignores malformed messages without throwing", () => {
    const { ctx, node } = handNode("n2");
    const garbage = [
      null,
      { type: "Bogus", epoch: 1 },
      { type: "Append", epoch: 1, leaderId: "n1", leaderSeq: 1, entries: [{ seq: 0, epoch: 1, key: "x", value: "a" }] },
      { type: "Append", epoch: 1, leaderId: "n1", leaderSeq: 3, entries: [entry(1, "x", "a"), entry(3, "y", "b")] },
      { type: "Append", epoch: -1, leaderId: "n1", leaderSeq: 1, entries: [entry(1, "x", "a")] },
      { type: "Ack", epoch: 1, appliedSeq: "1" },
    ];
    for (const message of garbage) node.onMessage("n1", message as unknown as ReplicationMessage);
    expect(ctx.takeSent()).toEqual([]);
    expect(node.entries()).toEqual([]);
  });
});

describe("the leader, driven by hand", () => {
  test("asynchronous: numbers each write, answers it at once, shows it to reads and sends it to every follower", () => {
    const { ctx, node } = handNode("n1");
    const got: replica.WriteResult[] = [];
    node.write("x", "a", (r) => got.push(r));
    node.write("y", "b", (r) => got.push(r));
    expect(got).toEqual([
      { ok: true, seq: 1 },
      { ok: true, seq: 2 },
    ]);
    expect(node.read("y")).toEqual({ value: "b", seq: 2, lag: { entries: 0, ms: 0 } });
    const sent = appendsSent(ctx);
    ensure(
      sent.length === 4 && sent.every((s) => s.epoch === 1) && sent.filter((s) => s.seqs.includes(2)).length === 2,
      `two writes at n1 sent ${JSON.stringify(sent)}; each write goes to n2 and to n3 in an Append of epoch 1`,
    );
    expect(node.status()).toEqual({ id: "n1", role: "leader", epoch: 1, leader: "n1", lastSeq: 2, lastEpoch: 1 });
  });

  test("synchronous: a write is answered only once a follower has acknowledged it (the leader does not count)", () => {
    const { node } = handNode("n1", { syncFollowers: 1 });
    const got: replica.WriteResult[] = [];
    node.write("x", "a", (r) => got.push(r));
    ensure(
      got.length === 0,
      `with syncFollowers 1, n1 answered ${JSON.stringify(got)} before any follower acknowledged the write. The leader does ` +
        "not count toward syncFollowers: it dies with the entries only it has, and a write acknowledged to a client before " +
        "a follower held it is lost when the leader fails over.",
    );
    node.onMessage("n2", { type: "Ack", epoch: 1, appliedSeq: 1 });
    expect(got).toEqual([{ ok: true, seq: 1 }]);
  });

  test("synchronous: a write is not visible to reads at the leader until it is committed", () => {
    const { node } = handNode("n1", { syncFollowers: 1 });
    node.write("x", "a", () => undefined);
    const early = node.read("x");
    ensure(
      early.value === null && early.seq === 0,
      `with syncFollowers 1 and no follower acknowledgement yet, a read of x at n1 answered ${JSON.stringify(early)}. A write ` +
        "must not be visible before the followers acknowledged it: if the leader then dies, the promoted follower lacks it, and " +
        "a reader saw a value the database then forgets (MySQL's AFTER_COMMIT semi-sync did this; AFTER_SYNC fixed it).",
    );
    node.onMessage("n3", { type: "Ack", epoch: 1, appliedSeq: 1 });
    expect(node.read("x").value).toBe("a");
  });

  test("resends what a stalled follower lacks after retransmitMs, to that follower only", () => {
    const { ctx, node } = handNode("n1");
    node.write("x", "a", () => undefined);
    node.write("y", "b", () => undefined);
    node.onMessage("n3", { type: "Ack", epoch: 1, appliedSeq: 2 });
    node.onMessage("n2", { type: "Ack", epoch: 1, appliedSeq: 1 });
    ctx.takeSent();
    ctx.advance(replica.DEFAULT_OPTIONS.retransmitMs);
    ctx.fireNextTimer();
    const resent = appendsSent(ctx);
    ensure(
      resent.length === 1 && resent[0]?.to === "n2" && resent[0].seqs.includes(2),
      `n2 acknowledged #1 and n3 #2, then nothing for ${replica.DEFAULT_OPTIONS.retransmitMs} ms; n1 then sent ` +
        `${JSON.stringify(resent)}. It should retransmit #2 to n2 only: the network loses messages, so the leader resends what ` +
        "a stalled follower lacks (the entries after the seq it acknowledged), and leaves an up-to-date follower alone.",
    );
  });

  test("a promoted follower leads the new epoch: it announces itself and numbers writes from its log's end", () => {
    const { ctx, node } = handNode("n2");
    append(node, [entry(1, "x", "a"), entry(2, "y", "b")]);
    ctx.takeSent();
    node.promote(2);
    const announced = appendsSent(ctx);
    expect(announced.map((a) => [a.to, a.epoch]).sort()).toEqual([
      ["n1", 2],
      ["n3", 2],
    ]);
    const got: replica.WriteResult[] = [];
    node.write("x", "c", (r) => got.push(r));
    expect(got).toEqual([{ ok: true, seq: 3 }]);
    expect(node.entries()[2]).toEqual(entry(3, "x", "c", 2));
    expect(node.status()).toMatchObject({ role: "leader", epoch: 2, leader: "n2", lastSeq: 3, lastEpoch: 2 });
  });
});

describe("chooseSuccessor", () => {
  const status = (id: string, lastSeq: number, lastEpoch = 1): ReplicaStatus => ({
    id,
    role: "follower",
    epoch: 2,
    leader: "n1",
    lastSeq,
    lastEpoch,
  });

  test("promotes the most up-to-date follower: the newest last entry, by epoch, then by seq", () => {
    const picked = chooseSuccessor([status("n2", 7), status("n3", 9), status("n4", 8)]);
    ensure(
      picked === "n3",
      `followers at #7 (n2), #9 (n3) and #8 (n4): chooseSuccessor picked ${picked}. Promote the most up-to-date follower: ` +
        "every write it lacks is lost in the failover.",
    );
    expect(chooseSuccessor([status("n2", 9, 1), status("n3", 8, 2)])).toBe("n3");
  });

  test("equal logs: the lowest id, whatever the order", () => {
    expect(chooseSuccessor([status("n3", 5), status("n2", 5)])).toBe("n2");
    expect(chooseSuccessor([status("n2", 5), status("n3", 5)])).toBe("n2");
  });

  test("no candidate is NO_CANDIDATE", () => {
    expect(codeOf(ReplicationError, () => chooseSuccessor([]))).toBe("NO_CANDIDATE");
  });
});

describe("bad input gets a ReplicationError, and nothing is sent", () => {
  const noop = () => undefined;
  test.each<[string, (node: replica.ReplicaNode) => void, ReplicationErrorCode]>([
    ["an empty key", (n) => n.write("", "a", noop), "INVALID_KEY"],
    ["a key that is not a string", (n) => n.read(42 as unknown as string), "INVALID_KEY"],
    ["a value that is not a string", (n) => n.write("x", { a: 1 } as unknown as string, noop), "INVALID_VALUE"],
    ["an epoch that is not above the node's own", (n) => n.promote(1), "INVALID_EPOCH"],
    ["an epoch that is not whole", (n) => n.promote(2.5), "INVALID_EPOCH"],
  ])("%s", (_, act, code) => {
    const { ctx, node } = handNode("n1");
    expect(codeOf(ReplicationError, () => act(node))).toBe(code);
    expect(ctx.takeSent()).toEqual([]);
  });

  test.each<[string, Partial<replica.ReplicaOptions>, ReplicationErrorCode]>([
    ["a leader that is not in the cluster", { leader: "n9" }, "INVALID_LEADER"],
    ["syncFollowers above the number of followers", { syncFollowers: 3 }, "INVALID_SYNC"],
    ["syncFollowers below 0", { syncFollowers: -1 }, "INVALID_SYNC"],
    ["syncFollowers that is not whole", { syncFollowers: 0.5 }, "INVALID_SYNC"],
    ["a retransmit interval of 0 ms", { retransmitMs: 0 }, "INVALID_TIMEOUT"],
    ["a retransmit interval that is not finite", { retransmitMs: Number.POSITIVE_INFINITY }, "INVALID_TIMEOUT"],
  ])("%s", (_, options, code) => {
    const ctx = new ManualContext<ReplicationMessage>("n1", ["n2", "n3"]);
    expect(codeOf(ReplicationError, () => new replica.ReplicaNode(ctx, { leader: "n1", ...options }))).toBe(code);
  });
});

/** The history must be linearizable; if not, the failure shows the window. */
function assertLinearizable(sim: ReplicationSimulation, what: string, causes: string): void {
  const result = checkLinearizable(kvHistory(sim), kvModel<string>());
  ensure(
    result.ok,
    `${what}: the history is not linearizable (virtual ms):\n${formatWindow(result.window, kvModel<string>())}\n${causes}`,
  );
}

/** Every live replica holds the leader's log and answers what replaying it gives. */
function assertConverged(sim: ReplicationSimulation, situation: string): void {
  const leader = currentLeader(sim);
  const log = leader === undefined ? [] : (sim.node(leader)?.entries() ?? []);
  for (const [id, node] of sim.liveNodes()) {
    const entries = node.entries();
    ensure(
      entries.length === log.length,
      `${situation}: the leader ${leader} holds ${log.length} entries and ${id} holds ${entries.length}, after the network ` +
        "had been quiet for long enough. A follower that lacks entries must get them again: the leader resends what a " +
        "stalled follower lacks (retransmit) from the seq it acknowledged, and a follower acknowledges only a contiguous log.",
    );
    for (const key of KEYS)
      ensure(
        node.read(key).value === replay(log, log.length, key),
        `${situation}: ${id} reads ${key}=${JSON.stringify(node.read(key).value)}, but applying the leader's log in order ` +
          `gives ${JSON.stringify(replay(log, log.length, key))}. Apply each entry in order and exactly once.`,
      );
  }
}

describe("a cluster of 3 on the simulated network", () => {
  test("reads at the leader are linearizable, and the followers converge, under delays, drops and duplicates (6 seeds)", () => {
    forEachSeed(6, (seed) => {
      const { sim } = replicationCluster(replica, { seed, network: FAULTY });
      checkLogsAgree(sim);
      const clients = startReplicationClients(sim, {
        keys: KEYS,
        clients: 3,
        operationsPerClient: 15,
        readFrom: "leader",
      });
      ensure(
        sim.runUntil(() => clients.done(), 30_000),
        "the clients did not finish within 30 s of virtual time",
      );
      assertLinearizable(
        sim,
        "reads at the leader",
        "A leader answers reads from its own committed data: every write it has answered, no write it has not.",
      );
      sim.runFor(1_000);
      assertConverged(sim, "after the load");
    });
  });

  test("a read at a follower may be stale, says by how much, and the checker catches it", () => {
    const { sim } = replicationCluster(replica, { seed: 1, network: { minDelayMs: 5, maxDelayMs: 5 } });
    let written: replica.WriteResult | undefined;
    const put = sim.history.invoke("writer", { type: "put", key: "x", value: "a" });
    sim.onNode("n1", (n) =>
      n.write("x", "a", (r) => {
        written = r;
        sim.history.complete(put, "ok");
      }),
    );
    sim.runFor(1);
    const get = sim.history.invoke("reader", { type: "get", key: "x" });
    const stale = sim.node("n2")?.read("x");
    sim.history.complete(get, stale?.value ?? null);
    ensure(
      written?.ok === true && stale?.value === null,
      `an asynchronous write of x=a at n1 should be answered at once (got ${JSON.stringify(written)}), and a read at n2 1 ms ` +
        `later, before the Append arrives (5 ms), should return the old value, null (got ${JSON.stringify(stale)})`,
    );
    expect(checkLinearizable(kvHistory(sim), kvModel<string>()).ok).toBe(false);
    sim.runFor(20);
    expect(sim.node("n2")?.read("x")).toEqual({ value: "a", seq: 1, lag: { entries: 0, ms: 0 } });
  });

  test.each([0, 1])(
    "syncFollowers %p: n3 is ahead of n2 and the last writes reached no follower when the leader crashes",
    (syncFollowers) => {
      const { sim } = replicationCluster(replica, {
        seed: 1,
        network: { minDelayMs: 5, maxDelayMs: 5 },
        node: { syncFollowers },
      });
      checkLogsAgree(sim);
      const answered: string[] = [];
      const write = (value: string) => {
        const id = sim.history.invoke("writer", { type: "put", key: "x", value });
        sim.onNode("n1", (n) =>
          n.write("x", value, (r) => {
            if (!r.ok) return;
            answered.push(value);
            sim.history.complete(id, "ok");
          }),
        );
        sim.runFor(1);
      };
      const readAtLeader = () => {
        const leader = currentLeader(sim) ?? "n1";
        const id = sim.history.invoke("reader", { type: "get", key: "x" });
        sim.history.complete(id, sim.node(leader)?.read("x").value ?? null);
      };
      ["w1", "w2", "w3"].forEach(write);
      sim.runFor(10);
      sim.block("n1", "n2");
      ["w4", "w5"].forEach(write);
      sim.runFor(10);
      sim.block("n1", "n3");
      ["w6", "w7"].forEach(write);
      readAtLeader();
      sim.crash("n1");
      sim.heal();
      sim.runFor(DRAIN_MS);
      const report = failover(sim, chooseSuccessor);
      sim.runFor(200);
      readAtLeader();
      const log = sim.node(report.promoted)?.entries() ?? [];
      const kept = new Set(log.map((e) => e.value));
      ensure(
        report.promoted === "n3" && log.length === 5,
        `n2 held #1..#3 and n3 #1..#5 when n1 crashed; ${report.promoted} was promoted and holds ` +
          `${log.map((e) => e.value).join(", ")}. Promote the most up-to-date follower (n3): the writes it lacks are lost.`,
      );
      const lostAnswered = answered.filter((v) => !kept.has(v));
      if (syncFollowers === 0) {
        ensure(
          lostAnswered.join() === "w6,w7",
          `asynchronously, n1 answered ${answered.join(", ")}; w6 and w7 reached no follower, so the failover loses exactly ` +
            `those two, both already answered ok. Lost here: ${lostAnswered.join(", ") || "none"}.`,
        );
        expect(checkLinearizable(kvHistory(sim), kvModel<string>()).ok).toBe(false);
      } else {
        ensure(
          lostAnswered.length === 0 && answered.join() === "w1,w2,w3,w4,w5",
          `with syncFollowers 1, n1 answered ${answered.join(", ")}: it must answer w1..w5 (each held by a follower) and ` +
            "not w6 or w7, which no follower acknowledged: the leader does not count toward syncFollowers.",
        );
        assertLinearizable(
          sim,
          "reads at the leader around the failover",
          "No read may see w6 or w7 before they commit.",
        );
      }
      ensure(
        sim.node("n2")?.entries().length === 5 && sim.node("n2")?.read("x").value === "w5",
        `after the failover n2 should catch up to n3's #5 (x=w5); it holds ${sim.node("n2")?.entries().length} entries`,
      );
    },
  );

  test("asynchronous failover: the most up-to-date follower is promoted, and exactly the writes no follower had are lost (6 seeds)", () => {
    forEachSeed(6, (seed) => {
      const { sim } = replicationCluster(replica, { seed, network: FAULTY });
      checkLogsAgree(sim);
      const clients = startReplicationClients(sim, {
        keys: KEYS,
        clients: 3,
        operationsPerClient: 20,
        readFrom: "any",
      });
      sim.runFor(100 + seed * 7);
      const old = [...(sim.node("n1")?.entries() ?? [])];
      sim.crash("n1");
      sim.runFor(DRAIN_MS);
      const report = failover(sim, chooseSuccessor);
      const kept = Math.max(...report.statuses.map((s) => s.lastSeq));
      const promotedAt = report.statuses.find((s) => s.id === report.promoted)?.lastSeq;
      ensure(
        promotedAt === kept,
        `at the failover the followers held ${report.statuses.map((s) => `${s.id} #${s.lastSeq}`).join(", ")}, and ` +
          `${report.promoted} was promoted. Promote the most up-to-date follower: the writes it lacks are lost.`,
      );
      ensure(
        sim.runUntil(() => clients.done(), 30_000),
        "the clients did not finish within 30 s of virtual time",
      );
      sim.runFor(1_000);
      const log = sim.node(report.promoted)?.entries() ?? [];
      const survived = new Set(log.map((e) => e.value));
      const lost = old.filter((e) => !survived.has(e.value)).map((e) => e.seq);
      const expected = old.slice(kept).map((e) => e.seq);
      ensure(
        lost.join() === expected.join() && log.slice(0, kept).every((e, i) => e.value === old[i]?.value),
        `the old leader held #1..#${old.length} and the most up-to-date follower #${kept}; the failover lost ` +
          `${lost.map((s) => `#${s}`).join(" ") || "nothing"} and should lose exactly ${expected.map((s) => `#${s}`).join(" ") || "nothing"}: ` +
          "the writes no follower had. The new leader keeps its whole log and numbers its writes from its end.",
      );
      assertConverged(sim, "after the failover");
    });
  });

  test("synchronous failover: no write answered ok is lost, and reads at the leader stay linearizable (6 seeds)", () => {
    forEachSeed(6, (seed) => {
      const { sim } = replicationCluster(replica, { seed, network: FAULTY, node: { syncFollowers: 1 } });
      checkLogsAgree(sim);
      const clients = startReplicationClients(sim, {
        keys: KEYS,
        clients: 3,
        operationsPerClient: 20,
        readFrom: "leader",
      });
      sim.runFor(100 + seed * 7);
      sim.crash("n1");
      sim.runFor(DRAIN_MS);
      const report = failover(sim, chooseSuccessor);
      ensure(
        sim.runUntil(() => clients.done(), 30_000),
        "the clients did not finish within 30 s of virtual time",
      );
      sim.runFor(1_000);
      const survived = new Set((sim.node(report.promoted)?.entries() ?? []).map((e) => e.value));
      const answered = kvHistory(sim).filter((op) => op.input.type === "put" && op.output === "ok");
      const lost = answered.flatMap((op) =>
        op.input.type === "put" && !survived.has(op.input.value) ? [op.input.value] : [],
      );
      ensure(
        lost.length === 0,
        `with syncFollowers 1, writes answered ok were lost in the failover: ${lost.join(", ")}. A write is answered only once ` +
          "a follower has acknowledged it (the leader does not count), and the most up-to-date follower is promoted, so it " +
          "holds every acknowledged write.",
      );
      assertLinearizable(
        sim,
        "reads at the leader across a failover",
        "With syncFollowers 1 a write is visible and answered only once a follower acknowledged it, so every value a client " +
          "saw at the old leader is on the promoted follower.",
      );
    });
  });
});
