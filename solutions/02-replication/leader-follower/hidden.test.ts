/** Grading-only tests: bigger clusters and sync levels, the edges of each rule, and a long partition. */
import { ensure, messageOf } from "#kata/testing";
import { checkLinearizable, formatWindow, forEachSeed, kvModel, ManualContext } from "#kata/sim";
import { ReplicationError } from "./src/errors";
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
} from "./replication-cluster";

const FAULTY = { minDelayMs: 1, maxDelayMs: 10, dropRate: 0.05, duplicateRate: 0.05 };
const DRAIN_MS = 15;
const KEYS = ["x", "y"];
const entry = (seq: number, key: string, value: string, epoch = 1): Entry => ({ seq, epoch, key, value });

function handNode(id: string, options: Partial<replica.ReplicaOptions> = {}, peers = ["n1", "n2", "n3"]) {
  const ctx = new ManualContext<ReplicationMessage>(
    id,
    peers.filter((p) => p !== id),
  );
  return { ctx, node: new replica.ReplicaNode(ctx, { leader: "n1", ...options }) };
}

function append(node: replica.ReplicaNode, entries: Entry[], epoch = 1, from = "n1", leaderSeq?: number): void {
  node.onMessage(from, {
    type: "Append",
    epoch,
    leaderId: from,
    entries,
    leaderSeq: leaderSeq ?? Math.max(0, ...entries.map((e) => e.seq)),
  });
}

const ack = (node: replica.ReplicaNode, from: string, appliedSeq: number, epoch = 1) =>
  node.onMessage(from, { type: "Ack", epoch, appliedSeq });

function appendsTo(ctx: ManualContext<ReplicationMessage>): Map<string, number[]> {
  const sent = new Map<string, number[]>();
  for (const { to, message } of ctx.takeSent())
    if (message.type === "Append") sent.set(to, [...(sent.get(to) ?? []), ...message.entries.map((e) => e.seq)]);
  return sent;
}

describe("the leader's commit point", () => {
  test("syncFollowers 2 of 4: a write waits for two different followers; one follower's repeated Ack counts once", () => {
    const { node } = handNode("n1", { syncFollowers: 2 }, ["n1", "n2", "n3", "n4", "n5"]);
    const got: replica.WriteResult[] = [];
    node.write("x", "a", (r) => got.push(r));
    ack(node, "n2", 1);
    ack(node, "n2", 1);
    ensure(
      got.length === 0 && node.read("x").value === null,
      `with syncFollowers 2, n1 answered ${JSON.stringify(got)} (or showed x=a) after only n2 acknowledged, twice. The ` +
        "leader does not count toward syncFollowers, and each follower counts once: two different followers must hold it.",
    );
    ack(node, "n4", 1);
    expect(got).toEqual([{ ok: true, seq: 1 }]);
    expect(node.read("x")).toEqual({ value: "a", seq: 1, lag: { entries: 0, ms: 0 } });
  });

  test("a cumulative Ack commits every write up to it, answered oldest first", () => {
    const { node } = handNode("n1", { syncFollowers: 1 });
    const order: number[] = [];
    for (const value of ["a", "b", "c"]) node.write("x", value, (r) => order.push(r.ok ? r.seq : -1));
    ack(node, "n3", 2);
    expect(order).toEqual([1, 2]);
    expect(node.read("x").value).toBe("b");
    ack(node, "n2", 3);
    expect(order).toEqual([1, 2, 3]);
  });

  test("the leader ignores an Ack of another epoch, and one beyond its log", () => {
    const { node } = handNode("n2", { syncFollowers: 1 });
    append(node, [entry(1, "x", "a")]);
    node.promote(2);
    const got: replica.WriteResult[] = [];
    node.write("x", "b", (r) => got.push(r));
    ack(node, "n3", 2, 1);
    ack(node, "n3", 9, 2);
    ensure(
      got.length === 0,
      `n2 leads epoch 2 with #2 in flight; an Ack of epoch 1 (an old leader's follower) and one claiming #9 made it answer ` +
        `${JSON.stringify(got)}. Only Acks of the current epoch, for entries the leader has, count: it must not be visible before ` +
        "a follower of this epoch acknowledged it.",
    );
    ack(node, "n3", 2, 2);
    expect(got).toEqual([{ ok: true, seq: 2 }]);
  });
});

describe("retransmission", () => {
  test("nothing is resent before retransmitMs has passed without progress; at retransmitMs it is", () => {
    const { ctx, node } = handNode("n1", { retransmitMs: 40 });
    node.write("x", "a", () => undefined);
    ctx.takeSent();
    ctx.advance(39);
    ctx.fireNextTimer();
    const early = appendsTo(ctx);
    ensure(
      early.size === 0,
      `n1 resent ${JSON.stringify([...early])} 39 ms after sending, before retransmitMs (40 ms)`,
    );
    ctx.advance(1);
    ctx.fireNextTimer();
    const resent = appendsTo(ctx);
    ensure(
      resent.get("n2")?.includes(1) === true && resent.get("n3")?.includes(1) === true,
      `40 ms after #1 went out, with no Ack from n2 or n3, n1 sent ${JSON.stringify([...resent])}: it should retransmit #1 to both`,
    );
  });

  test("a follower answers every Append, a resent one too, so a lost Ack is repaired", () => {
    const { ctx, node } = handNode("n2");
    append(node, [entry(1, "x", "a")]);
    ctx.takeSent();
    append(node, [entry(1, "x", "a")]);
    expect(ctx.takeSent()).toEqual([{ to: "n1", message: { type: "Ack", epoch: 1, appliedSeq: 1 } }]);
  });

  test("a follower cut off for 2 s catches up once the partition heals, and reports its lag meanwhile", () => {
    const { sim } = replicationCluster(replica, { seed: 3, network: { minDelayMs: 1, maxDelayMs: 10 } });
    checkLogsAgree(sim);
    sim.partition(["n1", "n2"], ["n3"]);
    for (let i = 0; i < 20; i++)
      sim.schedule(i * 10, () => sim.onNode("n1", (n) => n.write(KEYS[i % 2] as string, `v${i}`, () => undefined)));
    sim.runFor(300);
    const cutOff = sim.node("n3")?.read("x");
    ensure(
      cutOff?.seq === 0 && cutOff.lag.entries === 0,
      `n3 heard nothing from the leader, so it cannot know it is behind: it should read seq 0 with lag 0 entries, got ${JSON.stringify(cutOff)}`,
    );
    sim.runFor(1_700);
    sim.heal();
    sim.runFor(200);
    const caughtUp = sim.node("n3");
    ensure(
      caughtUp?.entries().length === 20 && caughtUp.read("x").value === "v18",
      `after the heal n3 holds ${caughtUp?.entries().length} of 20 entries: the leader must keep retransmitting to a follower that lacks entries`,
    );
  });
});

describe("followers and promotion", () => {
  test("an entry far ahead waits; several waiting entries are applied in one go when the gap fills", () => {
    const { ctx, node } = handNode("n2");
    append(node, [entry(4, "x", "d")], 1, "n1", 4);
    append(node, [entry(2, "x", "b"), entry(3, "y", "c")], 1, "n1", 4);
    expect(node.entries()).toEqual([]);
    ctx.takeSent();
    append(node, [entry(1, "x", "a")], 1, "n1", 4);
    expect(node.entries().map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect([node.read("x").value, node.read("y").value, node.read("x").lag]).toEqual(["d", "c", { entries: 0, ms: 0 }]);
    expect(ctx.takeSent()).toEqual([{ to: "n1", message: { type: "Ack", epoch: 1, appliedSeq: 4 } }]);
  });

  test("a promoted node forgets its own waiting entries and numbers writes from its log's end", () => {
    const { node } = handNode("n2");
    append(node, [entry(1, "x", "a")]);
    append(node, [entry(3, "x", "old")], 1, "n1", 3);
    node.promote(5);
    const got: replica.WriteResult[] = [];
    node.write("y", "b", (r) => got.push(r));
    ensure(
      got[0]?.ok === true &&
        got[0].seq === 2 &&
        node
          .entries()
          .map((e) => `${e.seq}/${e.epoch}`)
          .join() === "1/1,2/5",
      `n2 held #1 and the old leader's #3 waiting; promoted to epoch 5, its first write got ${JSON.stringify(got)} and its log is ` +
        `${node
          .entries()
          .map((e) => `#${e.seq}/epoch ${e.epoch}`)
          .join(", ")}: forget the entries waiting for a gap, and number writes from the log's end (#2)`,
    );
    expect(node.status()).toEqual({ id: "n2", role: "leader", epoch: 5, leader: "n2", lastSeq: 2, lastEpoch: 5 });
  });

  test("a follower on a new epoch takes the new leader's position as its lag reference", () => {
    const { ctx, node } = handNode("n3");
    append(node, [entry(1, "x", "a")], 1, "n1", 9);
    expect(node.read("x").lag.entries).toBe(8);
    ctx.advance(5);
    append(node, [], 2, "n2", 1);
    expect(node.read("x").lag).toEqual({ entries: 0, ms: 0 });
    expect(node.status()).toMatchObject({ epoch: 2, leader: "n2", role: "follower" });
  });

  test("a leader that hears of a newer epoch steps down and fails the writes it had not committed", () => {
    const { node } = handNode("n1", { syncFollowers: 1 });
    const got: replica.WriteResult[] = [];
    node.write("x", "a", (r) => got.push(r));
    append(node, [], 2, "n2", 0);
    ensure(
      node.role() === "follower" && got.length === 1 && got[0]?.ok === false,
      `n1 (epoch 1) heard of n2 leading epoch 2; it is now ${node.role()} and answered ${JSON.stringify(got)}: it must follow, and fail its uncommitted write`,
    );
    if (got[0]?.ok === false) expect(got[0].error.code).toBe("NOT_LEADER");
  });

  test("chooseSuccessor: a newer epoch beats a longer log, in any order", () => {
    const s = (id: string, lastSeq: number, lastEpoch: number): ReplicaStatus => ({
      id,
      role: "follower",
      epoch: 3,
      leader: "n1",
      lastSeq,
      lastEpoch,
    });
    expect(chooseSuccessor([s("n2", 12, 1), s("n3", 10, 2), s("n4", 11, 2)])).toBe("n4");
    expect(chooseSuccessor([s("n4", 11, 2), s("n3", 10, 2), s("n2", 12, 1)])).toBe("n4");
    expect(chooseSuccessor([s("n5", 0, 0)])).toBe("n5");
    expect(messageOf(ReplicationError, () => chooseSuccessor([]))).toMatch(/follower/);
  });

  test("writes accept an empty string value; bad input messages name the value", () => {
    const { node } = handNode("n1");
    const got: replica.WriteResult[] = [];
    node.write("x", "", (r) => got.push(r));
    expect(got).toEqual([{ ok: true, seq: 1 }]);
    expect(node.read("x").value).toBe("");
    expect(messageOf(ReplicationError, () => node.write("x", 7 as unknown as string, () => undefined))).toContain("7");
    expect(messageOf(ReplicationError, () => node.promote(0))).toContain("0");
  });
});

describe("five nodes, two synchronous followers", () => {
  test("a failover loses no write answered ok, and reads at the leader stay linearizable (6 seeds)", () => {
    forEachSeed(6, (seed) => {
      const { sim } = replicationCluster(replica, { seed, size: 5, network: FAULTY, node: { syncFollowers: 2 } });
      checkLogsAgree(sim);
      const clients = startReplicationClients(sim, {
        keys: KEYS,
        clients: 3,
        operationsPerClient: 16,
        readFrom: "leader",
      });
      sim.runFor(80 + seed * 11);
      sim.crash("n1");
      sim.runFor(DRAIN_MS);
      const report = failover(sim, chooseSuccessor);
      ensure(
        sim.runUntil(() => clients.done(), 30_000),
        "the clients did not finish within 30 s of virtual time",
      );
      sim.runFor(1_000);
      const log = sim.node(report.promoted)?.entries() ?? [];
      const survived = new Set(log.map((e) => e.value));
      const lost = kvHistory(sim).filter(
        (op) => op.input.type === "put" && op.output === "ok" && !survived.has(op.input.value),
      );
      ensure(lost.length === 0, `${lost.length} writes answered ok were lost with syncFollowers 2 of 4`);
      const verdict = checkLinearizable(kvHistory(sim), kvModel<string>());
      ensure(verdict.ok, `not linearizable:\n${formatWindow(verdict.window, kvModel<string>())}`);
      ensure(currentLeader(sim) === report.promoted, `${report.promoted} was promoted but does not lead`);
      for (const [id, node] of sim.liveNodes())
        for (const key of KEYS)
          ensure(
            node.read(key).value === replay(log, log.length, key),
            `${id} reads ${key}=${JSON.stringify(node.read(key).value)} after the failover, the leader's log gives ${JSON.stringify(replay(log, log.length, key))}`,
          );
    });
  });
});

describe("the edges of retransmission and lag", () => {
  test("a follower that was up to date gets its retransmit interval from the new write, not from its last Ack", () => {
    const { ctx, node } = handNode("n1", { retransmitMs: 40 });
    node.write("x", "a", () => undefined);
    ctx.advance(10);
    ack(node, "n2", 1);
    ack(node, "n3", 1);
    ctx.advance(50);
    node.write("x", "b", () => undefined); // at 60 ms
    ctx.takeSent();
    ctx.advance(39);
    ctx.fireNextTimer();
    const early = appendsTo(ctx);
    ensure(
      early.size === 0,
      `n2 and n3 were up to date at 10 ms; #2 went out at 60 ms and n1 resent ${JSON.stringify([...early])} at 99 ms. ` +
        "A follower's stall clock starts when it first lacks an entry (the write), not at its last Ack.",
    );
  });

  test("a follower stuck behind a gap is resent the gap even while new writes and repeated Acks keep arriving", () => {
    const { ctx, node } = handNode("n1", { retransmitMs: 40 });
    node.write("x", "w1", () => undefined);
    ack(node, "n2", 1);
    ack(node, "n3", 1);
    ctx.takeSent();
    for (let i = 2; i <= 7; i++) {
      node.write("x", `w${i}`, () => undefined); // #2 never reaches n2; n2 keeps acknowledging #1
      ack(node, "n2", 1);
      ack(node, "n3", i);
      ctx.advance(10);
    }
    ctx.takeSent();
    ctx.fireNextTimer();
    const resent = appendsTo(ctx);
    ensure(
      resent.get("n2")?.includes(2) === true && !resent.has("n3"),
      `n2 has acknowledged only #1 for 60 ms while #2..#7 went out (its repeated Acks of #1 are no progress); n1 resent ` +
        `${JSON.stringify([...resent])}. Retransmit #2 onward to n2: a repeated Ack is not progress, and new writes do not restart a stalled follower's clock.`,
    );
  });

  test("a reordered Append with an older leaderSeq does not shrink the reported lag; the lag clock runs from when it fell behind", () => {
    const { ctx, node } = handNode("n2");
    ctx.advance(10);
    append(node, [], 1, "n1", 5);
    ctx.advance(10);
    append(node, [entry(1, "x", "a")], 1, "n1", 3);
    ctx.advance(10);
    expect(node.read("x").lag).toEqual({ entries: 4, ms: 20 });
  });

  test("a follower on a new epoch measures its lag from the new leader's first message", () => {
    const { ctx, node } = handNode("n3");
    ctx.advance(10);
    append(node, [], 1, "n1", 4);
    ctx.advance(40);
    append(node, [], 2, "n2", 3);
    ctx.advance(5);
    expect(node.read("x").lag).toEqual({ entries: 3, ms: 5 });
  });

  test("a leader that steps down stops replicating; a leader ignores an Append of its own epoch and anything from outside the cluster", () => {
    const first = handNode("n1");
    first.node.write("x", "a", () => undefined);
    append(first.node, [], 2, "n2", 0);
    first.ctx.takeSent();
    first.ctx.advance(500);
    if (first.ctx.timers.size > 0) first.ctx.fireNextTimer();
    ensure(
      appendsTo(first.ctx).size === 0,
      "n1 stepped down for n2's epoch 2 and still resends its entries: clear the retransmit timer when stepping down",
    );

    const { ctx, node } = handNode("n1");
    append(node, [entry(1, "x", "rogue")], 1, "n2", 1);
    append(node, [entry(1, "x", "rogue")], 3, "n9", 1);
    ack(node, "n9", 0);
    expect([node.role(), node.entries().length, node.status().epoch]).toEqual(["leader", 0, 1]);
    expect(ctx.takeSent()).toEqual([]);
  });

  test("error messages name the value given and what is needed", () => {
    const ctx = new ManualContext<ReplicationMessage>("n1", ["n2", "n3"]);
    const build = (options: Partial<replica.ReplicaOptions>) => () =>
      new replica.ReplicaNode(ctx, { leader: "n1", ...options });
    expect(messageOf(ReplicationError, build({ leader: "n9" }))).toMatch(/n9.*|.*n9/);
    expect(messageOf(ReplicationError, build({ leader: "n9" }))).toContain("n1, n2, n3");
    expect(messageOf(ReplicationError, build({ syncFollowers: 7 }))).toMatch(/7/);
    expect(messageOf(ReplicationError, build({ syncFollowers: 7 }))).toMatch(/2/);
    expect(messageOf(ReplicationError, build({ retransmitMs: -5 }))).toMatch(/-5/);
    const { node } = handNode("n1");
    expect(messageOf(ReplicationError, () => node.write("", "a", () => undefined))).toContain('""');
    expect(
      messageOf(ReplicationError, () => node.write("x", { a: 1 } as unknown as string, () => undefined)),
    ).toContain('{"a":1}');
    expect(messageOf(ReplicationError, () => node.promote(1))).toMatch(/above.*1/);
    const follower = handNode("n2").node;
    const got: replica.WriteResult[] = [];
    follower.write("x", "a", (r) => got.push(r));
    if (got[0]?.ok === false) expect(got[0].error.message).toMatch(/n2.*n1/);
    const leader = handNode("n1", { syncFollowers: 1 }).node;
    const failed: replica.WriteResult[] = [];
    leader.write("x", "a", (r) => failed.push(r));
    append(leader, [], 4, "n3", 0);
    if (failed[0]?.ok === false) expect(failed[0].error.message).toMatch(/n3/);
  });
});

describe("roles", () => {
  test("a follower never replicates: whatever it holds and however long it waits, it sends only Acks", () => {
    const { ctx, node } = handNode("n2", { retransmitMs: 20 });
    append(node, [entry(1, "x", "a"), entry(2, "y", "b")], 1, "n1", 2);
    ctx.advance(500);
    while (ctx.timers.size > 0 && ctx.timerDelays.length < 50) ctx.fireNextTimer();
    const sent = ctx.takeSent().map((s) => s.message.type);
    ensure(
      sent.every((type) => type === "Ack"),
      `follower n2 sent ${sent.join(", ")}: only the leader sends Appends and runs the retransmit timer`,
    );
  });

  test("a follower that was behind and is promoted reads as a leader: lag 0", () => {
    const { ctx, node } = handNode("n2");
    append(node, [entry(1, "x", "a")], 1, "n1", 5);
    ctx.advance(30);
    node.promote(2);
    ctx.advance(30);
    expect(node.read("x")).toEqual({ value: "a", seq: 1, lag: { entries: 0, ms: 0 } });
  });

  test("every follower may be synchronous: syncFollowers 2 of 2 is valid, and waits for both", () => {
    const { node } = handNode("n1", { syncFollowers: 2 });
    const got: replica.WriteResult[] = [];
    node.write("x", "a", (r) => got.push(r));
    ack(node, "n2", 1);
    expect(got).toEqual([]);
    ack(node, "n3", 1);
    expect(got).toEqual([{ ok: true, seq: 1 }]);
  });

  test("messages say which call was wrong, and show a NaN as NaN", () => {
    const { node } = handNode("n1");
    expect(messageOf(ReplicationError, () => node.write("", "a", () => undefined))).toMatch(/^write/);
    expect(messageOf(ReplicationError, () => node.read(""))).toMatch(/^read/);
    const ctx = new ManualContext<ReplicationMessage>("n1", ["n2"]);
    expect(
      messageOf(ReplicationError, () => new replica.ReplicaNode(ctx, { leader: "n1", retransmitMs: Number.NaN })),
    ).toContain("NaN");
  });
});
