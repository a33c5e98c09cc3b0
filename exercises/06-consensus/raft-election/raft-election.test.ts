import { codeOf, ensure } from "#kata/testing";
import { forEachSeed, ManualContext } from "#kata/sim";
import { RaftConfigError, type RaftConfigErrorCode } from "./src/errors";
import type { RaftMessage } from "./src/messages";
import * as raft from "./src/raft-node";
import { awaitLeader, checkElectionSafety, currentLeader, leaders, nodeNames, raftCluster } from "./raft-cluster";

/** Virtual time a test allows for an election. A good node needs ~200 ms; speed is the bench's job. */
const ELECTION_WITHIN_MS = 5_000;

/** Why a follower stands for election under a leader that is alive: two rules give that symptom. */
const TIMER_RESETS =
  "Restart the election timer on every heartbeat of the current term, and whenever you grant a vote: granting a vote must restart " +
  "the timer too, or a voter whose old timer fires just after it voted starts a new term and deposes the leader it helped elect.";

function electedLeader(sim: ReturnType<typeof raftCluster>, situation: string): string {
  const leader = awaitLeader(sim, ELECTION_WITHIN_MS);
  ensure(
    leader !== undefined,
    `${situation}: no leader after ${ELECTION_WITHIN_MS} ms of virtual time. Terms now: ` +
      sim
        .liveNodes()
        .map(([id, n]) => `${id}=${n.role()}@${n.term()}`)
        .join(", ") +
      ". Does an election timer always run while a node is not leader? Are the timeouts random (ctx.random)?",
  );
  return leader;
}

/** One node on a hand-driven context: what it sends is recorded, its timers fire on request. */
function lonelyNode(options: { random?: number[]; storage?: Map<string, unknown> } = {}) {
  const ctx = new ManualContext<RaftMessage>("n1", ["n2", "n3", "n4", "n5"], options);
  const node = new raft.RaftNode(ctx);
  return { ctx, node };
}

function configErrorCode(timings: Partial<raft.RaftTimings>): RaftConfigErrorCode {
  return codeOf(RaftConfigError, () => new raft.RaftNode(new ManualContext<RaftMessage>("n1", ["n2"]), timings));
}

describe("a single node, driven by hand", () => {
  test("starts as a follower of term 0 that has voted for no one, with an election timer set", () => {
    const { ctx, node } = lonelyNode();
    expect([node.role(), node.term(), node.votedFor(), node.leaderId()]).toEqual(["follower", 0, null, null]);
    ensure(ctx.timers.size === 1, `a new node should have one election timer pending, found ${ctx.timers.size}`);
  });

  test("draws each election timeout from ctx.random() within [min, max)", () => {
    const low = lonelyNode({ random: [0] }).ctx.timerDelays[0] ?? Number.NaN;
    const high = lonelyNode({ random: [0.999] }).ctx.timerDelays[0] ?? Number.NaN;
    ensure(
      low >= 150 && low < 300 && high >= 150 && high < 300 && high > low,
      `with ctx.random() = 0 the timeout was ${low} ms, with 0.999 it was ${high} ms; both must lie in [150, 300) and differ. ` +
        "Fixed timeouts make every node time out together, and their votes split forever.",
    );
  });

  test("when its timer fires it becomes a candidate of term 1, votes for itself and asks every peer", () => {
    const { ctx, node } = lonelyNode();
    ctx.fireNextTimer();
    expect([node.role(), node.term(), node.votedFor()]).toEqual(["candidate", 1, "n1"]);
    const requests = ctx.takeSent();
    expect(requests.map((s) => s.to).sort()).toEqual(["n2", "n3", "n4", "n5"]);
    for (const { message } of requests) expect(message).toEqual({ type: "RequestVote", term: 1, candidateId: "n1" });
    ensure(ctx.timers.size >= 1, "a candidate keeps an election timer, in case this election splits");
  });

  test("votes at most once per term, first come first served", () => {
    const { ctx, node } = lonelyNode();
    node.onMessage("n2", { type: "RequestVote", term: 1, candidateId: "n2" });
    node.onMessage("n3", { type: "RequestVote", term: 1, candidateId: "n3" });
    const replies = ctx.takeSent().map((s) => [s.to, s.message]);
    expect(replies).toEqual([
      ["n2", { type: "RequestVoteReply", term: 1, voteGranted: true }],
      ["n3", { type: "RequestVoteReply", term: 1, voteGranted: false }],
    ]);
    expect(node.votedFor()).toBe("n2");
  });

  test("granting a vote restarts the election timer", () => {
    const { ctx, node } = lonelyNode();
    ctx.advance(100);
    node.onMessage("n2", { type: "RequestVote", term: 1, candidateId: "n2" });
    expect(node.votedFor()).toBe("n2");
    const pending = [...ctx.timers.values()];
    ensure(
      pending.length === 1 && pending[0]?.setAt === 100,
      `n1 granted its vote to n2 at 100 ms, but its pending timers were set at ${pending.map((t) => `${t.setAt} ms`).join(", ") || "no time"}; ` +
        "there should be one election timer, set at 100 ms. " +
        TIMER_RESETS,
    );
  });

  test("a majority is more than half of the whole cluster: with 4 servers, 2 votes are not enough", () => {
    const ctx = new ManualContext<RaftMessage>("n1", ["n2", "n3", "n4"]);
    const node = new raft.RaftNode(ctx);
    ctx.fireNextTimer();
    node.onMessage("n2", { type: "RequestVoteReply", term: 1, voteGranted: true });
    ensure(
      node.role() === "candidate",
      "2 votes of 4 (n1's own and n2's) made n1 leader: a majority is more than half of the whole cluster, 3 of 4 (votes x 2 > size, " +
        "not >=). If 2 of 4 were enough, n3 and n4 could elect a second leader in the same term.",
    );
    node.onMessage("n3", { type: "RequestVoteReply", term: 1, voteGranted: true });
    expect(node.role()).toBe("leader");
  });

  test("answers a heartbeat of an older term with its own term, and keeps following its leader", () => {
    const { ctx, node } = lonelyNode();
    node.onMessage("n2", { type: "AppendEntries", term: 3, leaderId: "n2" });
    ctx.takeSent();
    node.onMessage("n4", { type: "AppendEntries", term: 2, leaderId: "n4" });
    const replies = ctx.takeSent();
    const expected = { to: "n4", message: { type: "AppendEntriesReply", term: 3, success: false } };
    ensure(
      replies.length === 1 && JSON.stringify(replies[0]) === JSON.stringify(expected),
      `n1 is in term 3, following n2, and got a heartbeat of term 2 from n4; it sent ${JSON.stringify(replies)}. A stale heartbeat must be ` +
        `answered, not dropped: ${JSON.stringify(expected.message)} to n4. That reply's term is how n4 learns its term is over and ` +
        "steps down; without it, n4 leads a dead term for as long as nothing of the new term reaches it.",
    );
    expect([node.term(), node.leaderId()]).toEqual([3, "n2"]);
  });

  test("steps down on a higher term in a reply, as on any message", () => {
    const { ctx, node } = lonelyNode();
    ctx.fireNextTimer(); // a candidate of term 1
    node.onMessage("n3", { type: "RequestVoteReply", term: 2, voteGranted: false });
    ensure(
      node.role() === "follower" && node.term() === 2,
      `n1, a candidate of term 1, was refused by n3 in term 2 and is now ${node.role()} of term ${node.term()}. ` +
        "A higher term in any message, replies included, means this server is behind: adopt the term and become a follower.",
    );
    ctx.fireNextTimer(); // a candidate of term 3
    node.onMessage("n2", { type: "RequestVoteReply", term: 3, voteGranted: true });
    node.onMessage("n3", { type: "RequestVoteReply", term: 3, voteGranted: true });
    expect([node.role(), node.term()]).toEqual(["leader", 3]);
    node.onMessage("n4", { type: "AppendEntriesReply", term: 5, success: false });
    ensure(
      node.role() === "follower" && node.term() === 5,
      `n1 led term 3 and got a heartbeat reply of term 5 from n4, yet is ${node.role()} of term ${node.term()}. A higher term in any ` +
        "message, replies included, means a later term has begun: adopt it and become a follower. A deposed leader often hears of " +
        "the new term only in the answers to its own heartbeats.",
    );
  });

  test("refuses a candidate of an older term and tells it the current one", () => {
    const { ctx, node } = lonelyNode();
    node.onMessage("n2", { type: "AppendEntries", term: 3, leaderId: "n2" });
    ctx.takeSent();
    node.onMessage("n4", { type: "RequestVote", term: 2, candidateId: "n4" });
    expect(ctx.takeSent()).toEqual([{ to: "n4", message: { type: "RequestVoteReply", term: 3, voteGranted: false } }]);
  });

  test("a candidate that hears a heartbeat of its own term steps down and follows the sender", () => {
    const { ctx, node } = lonelyNode();
    ctx.fireNextTimer();
    node.onMessage("n3", { type: "AppendEntries", term: 1, leaderId: "n3" });
    expect([node.role(), node.term(), node.leaderId()]).toEqual(["follower", 1, "n3"]);
  });

  test("a majority of votes (3 of 5, itself included) makes a leader that sends heartbeats at once", () => {
    const { ctx, node } = lonelyNode();
    ctx.fireNextTimer();
    ctx.takeSent();
    node.onMessage("n2", { type: "RequestVoteReply", term: 1, voteGranted: true });
    ensure(node.role() === "candidate", "two votes of five (itself and n2) are not a majority yet");
    node.onMessage("n4", { type: "RequestVoteReply", term: 1, voteGranted: true });
    expect(node.role()).toBe("leader");
    expect(node.leaderId()).toBe("n1");
    const heartbeats = ctx.takeSent().filter((s) => s.message.type === "AppendEntries");
    expect(heartbeats.map((s) => s.to).sort()).toEqual(["n2", "n3", "n4", "n5"]);
  });

  test("a restarted node remembers its term and its vote (stable storage)", () => {
    const storage = new Map<string, unknown>();
    const before = lonelyNode({ storage }).node;
    before.onMessage("n2", { type: "RequestVote", term: 4, candidateId: "n2" });
    const after = lonelyNode({ storage }).node;
    ensure(
      after.term() === 4 && after.votedFor() === "n2",
      `n1 voted for n2 in term 4, crashed and restarted, and came back in term ${after.term()} having voted for ${after.votedFor()}. ` +
        "Write currentTerm and votedFor to ctx.storage before the reply that depends on them leaves, and read both back in the " +
        "constructor: a server that forgets its vote can vote twice in one term.",
    );
  });

  test("ignores malformed messages without throwing", () => {
    const { ctx, node } = lonelyNode();
    const garbage = [
      { type: "Bogus", term: 1 },
      { type: "RequestVote", term: -1, candidateId: "n2" },
      null,
      { type: "RequestVote", term: 1.5, candidateId: "n2" },
    ];
    for (const message of garbage) node.onMessage("n2", message as unknown as RaftMessage);
    expect([node.term(), node.votedFor()]).toEqual([0, null]);
    expect(ctx.takeSent()).toEqual([]);
  });
});

describe("bad configuration gets a RaftConfigError", () => {
  test.each([
    [{ electionTimeoutMinMs: 300, electionTimeoutMaxMs: 150 }, "INVALID_TIMEOUT"],
    [{ electionTimeoutMinMs: 0 }, "INVALID_TIMEOUT"],
    [{ electionTimeoutMaxMs: Number.POSITIVE_INFINITY }, "INVALID_TIMEOUT"],
    [{ heartbeatIntervalMs: 200 }, "INVALID_HEARTBEAT"],
    [{ heartbeatIntervalMs: 0 }, "INVALID_HEARTBEAT"],
  ])("%p is rejected with %s", (timings, code) => {
    expect(configErrorCode(timings)).toBe(code);
  });
});

describe("a cluster of 5 on the simulated network", () => {
  test("elects a leader on a reliable network (50 seeds)", () => {
    forEachSeed(50, (seed) => {
      const sim = raftCluster(raft, { seed });
      checkElectionSafety(sim);
      electedLeader(sim, "a fresh cluster of 5");
    });
  });

  test("every node learns the leader and its term from heartbeats", () => {
    forEachSeed(20, (seed) => {
      const sim = raftCluster(raft, { seed });
      const leader = electedLeader(sim, "a fresh cluster");
      sim.runFor(300);
      const term = sim.node(leader)?.term();
      for (const [id, node] of sim.liveNodes()) {
        ensure(
          node.leaderId() === leader && node.term() === term,
          `${id} follows ${node.leaderId()} in term ${node.term()}, 300 ms after ${leader} was elected; ${leader} is now ` +
            `${sim.node(leader)?.role()} of term ${term}.` +
            (sim.node(leader)?.role() === "leader"
              ? " Follow the sender of every heartbeat of your current term."
              : ` Someone stood for election under a live leader. ${TIMER_RESETS}`),
        );
      }
    });
  });

  test("a leader holds its term for 10 s on a reliable network: heartbeats keep followers quiet", () => {
    forEachSeed(10, (seed) => {
      const sim = raftCluster(raft, { seed });
      const leader = electedLeader(sim, "a fresh cluster");
      const term = sim.node(leader)?.term();
      sim.runFor(10_000);
      ensure(
        currentLeader(sim) === leader && sim.node(leader)?.term() === term,
        `after 10 s the leader is ${currentLeader(sim)} in term ${sim.node(currentLeader(sim) ?? leader)?.term()}, was ${leader} in term ${term}: ` +
          `a follower stood for election though a leader was in place. ${TIMER_RESETS}`,
      );
    });
  });

  test("never two leaders in one term, under drops, duplicates and reordering (50 seeds, checked at every event)", () => {
    forEachSeed(50, (seed) => {
      const sim = raftCluster(raft, {
        seed,
        network: { minDelayMs: 1, maxDelayMs: 40, dropRate: 0.1, duplicateRate: 0.05 },
      });
      checkElectionSafety(sim);
      sim.runFor(3_000);
      const leader = currentLeader(sim);
      if (leader) sim.crash(leader);
      sim.runFor(3_000);
    });
  });

  test("after the leader crashes, the others elect a new one in a later term", () => {
    forEachSeed(30, (seed) => {
      const sim = raftCluster(raft, { seed });
      checkElectionSafety(sim);
      const old = electedLeader(sim, "a fresh cluster");
      const oldTerm = sim.node(old)?.term() ?? 0;
      sim.crash(old);
      const next = electedLeader(sim, `after ${old} crashed`);
      ensure(
        (sim.node(next)?.term() ?? 0) > oldTerm,
        `${next} leads term ${sim.node(next)?.term()}, not later than ${old}'s term ${oldTerm}`,
      );
    });
  });

  test("a partitioned old leader steps down when the partition heals", () => {
    forEachSeed(30, (seed) => {
      const sim = raftCluster(raft, { seed });
      checkElectionSafety(sim);
      const old = electedLeader(sim, "a fresh cluster");
      const others = nodeNames(5).filter((id) => id !== old);
      sim.partition([old], others);
      const majorityLeader = sim.runUntil(() => leaders(sim).some((l) => l.id !== old), ELECTION_WITHIN_MS);
      ensure(
        majorityLeader,
        `the majority side (${others.join(", ")}) elected no leader within ${ELECTION_WITHIN_MS} ms of the partition`,
      );
      sim.heal();
      const newTerm = Math.max(...others.map((id) => sim.node(id)?.term() ?? 0));
      const stepped = sim.runUntil(
        () => sim.node(old)?.role() === "follower" && (sim.node(old)?.term() ?? 0) >= newTerm,
        2_000,
      );
      ensure(
        stepped,
        `${old} led before the partition and is still ${sim.node(old)?.role()} in term ${sim.node(old)?.term()} 2 s after it healed; ` +
          `the others are in term ${newTerm}. A node that sees a higher term in any message must step down.`,
      );
    });
  });

  test("with 2 of 5 nodes crashed, the other 3 still elect a leader", () => {
    forEachSeed(20, (seed) => {
      const sim = raftCluster(raft, { seed });
      checkElectionSafety(sim);
      sim.crash("n1");
      sim.crash("n2");
      electedLeader(sim, "with n1 and n2 crashed");
    });
  });

  test("with 3 of 5 nodes crashed, no leader is ever elected: 2 is not a majority", () => {
    forEachSeed(20, (seed) => {
      const sim = raftCluster(raft, { seed });
      for (const id of ["n1", "n2", "n3"]) sim.crash(id);
      sim.runFor(5_000);
      ensure(
        leaders(sim).length === 0,
        `${leaders(sim)
          .map((l) => l.id)
          .join(", ")} became leader with only 2 of 5 nodes up; a majority is 3 of the whole cluster`,
      );
    });
  });
});
