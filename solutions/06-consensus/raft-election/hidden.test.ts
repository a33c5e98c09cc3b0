/** Grading-only tests: harder fault schedules, and the subtle safety cases. */
import { ensure } from "#kata/testing";
import { forEachSeed, ManualContext } from "#kata/sim";
import type { RaftMessage } from "./src/messages";
import * as raft from "./src/raft-node";
import {
  awaitLeader,
  checkElectionSafety,
  currentLeader,
  leaders,
  nodeNames,
  raftCluster,
  type RaftSimulation,
} from "./raft-cluster";

/** Terms only grow: a node that went back in time could vote twice in a term. */
function checkTermsNeverDecrease(sim: RaftSimulation): void {
  const highest = new Map<string, number>();
  sim.addInvariant("terms never decrease", () => {
    for (const [id, node] of sim.liveNodes()) {
      const before = highest.get(id) ?? 0;
      if (node.term() < before) return `${id} went from term ${before} back to ${node.term()}`;
      highest.set(id, node.term());
    }
    return undefined;
  });
}

test("a node that voted, crashed and restarted does not vote again in that term", () => {
  const storage = new Map<string, unknown>();
  const first = new ManualContext<RaftMessage>("n1", ["n2", "n3"], { storage });
  new raft.RaftNode(first).onMessage("n2", { type: "RequestVote", term: 1, candidateId: "n2" });
  const second = new ManualContext<RaftMessage>("n1", ["n2", "n3"], { storage });
  const restarted = new raft.RaftNode(second);
  restarted.onMessage("n3", { type: "RequestVote", term: 1, candidateId: "n3" });
  const replies = second.takeSent();
  ensure(
    JSON.stringify(replies) ===
      JSON.stringify([{ to: "n3", message: { type: "RequestVoteReply", term: 1, voteGranted: false } }]),
    `n1 voted for n2 in term 1, crashed, restarted, and answered n3's request in term 1 with ${JSON.stringify(replies)}: a second vote ` +
      "in one term lets n2 and n3 both win it. Write votedFor to ctx.storage before the reply that grants it leaves, and read it back " +
      "in the constructor: a server that forgets its vote can vote twice in one term.",
  );
});

test("a candidate may ask again: a repeated RequestVote from the same candidate is granted again", () => {
  const ctx = new ManualContext<RaftMessage>("n1", ["n2", "n3"]);
  const node = new raft.RaftNode(ctx);
  node.onMessage("n2", { type: "RequestVote", term: 1, candidateId: "n2" });
  node.onMessage("n2", { type: "RequestVote", term: 1, candidateId: "n2" });
  expect(ctx.takeSent().map((s) => s.message)).toEqual([
    { type: "RequestVoteReply", term: 1, voteGranted: true },
    { type: "RequestVoteReply", term: 1, voteGranted: true },
  ]);
});

test("votes from an older term do not count toward a newer election", () => {
  const ctx = new ManualContext<RaftMessage>("n1", ["n2", "n3", "n4", "n5"]);
  const node = new raft.RaftNode(ctx);
  ctx.fireNextTimer(); // term 1
  ctx.fireNextTimer(); // split: term 2
  node.onMessage("n2", { type: "RequestVoteReply", term: 1, voteGranted: true });
  node.onMessage("n3", { type: "RequestVoteReply", term: 1, voteGranted: true });
  ensure(
    node.role() === "candidate" && node.term() === 2,
    `n1, a candidate of term 2, became ${node.role()} of term ${node.term()} on two votes granted in term 1, delivered late. A vote ` +
      "counts only toward the election of the term it was granted in: those voters may have voted for another candidate in term 2. " +
      "Count a RequestVoteReply only while you are a candidate of the reply's term.",
  );
});

test("a one-node cluster elects itself", () => {
  const sim = raftCluster(raft, { seed: 1, size: 1 });
  expect(awaitLeader(sim, 1_000)).toBe("n1");
});

test("a leader cut off one way (it can hear but not be heard) is replaced, then steps down", () => {
  forEachSeed(20, (seed) => {
    const sim = raftCluster(raft, { seed });
    checkElectionSafety(sim);
    checkTermsNeverDecrease(sim);
    const old = awaitLeader(sim, 5_000) as string;
    for (const peer of nodeNames(5).filter((id) => id !== old)) sim.block(old, peer);
    const replaced = sim.runUntil(
      () => currentLeader(sim) !== undefined && currentLeader(sim) !== old && sim.node(old)?.role() === "follower",
      5_000,
    );
    ensure(
      replaced,
      `${old}'s messages stopped reaching the others; they should elect a new leader whose higher term makes ${old} step down`,
    );
  });
});

test("a deposed leader that only its followers can reach steps down on the term in their replies", () => {
  forEachSeed(20, (seed) => {
    const sim = raftCluster(raft, { seed });
    checkElectionSafety(sim);
    const old = awaitLeader(sim, 5_000) as string;
    const oldTerm = sim.node(old)?.term() ?? 0;
    const others = nodeNames(5).filter((id) => id !== old);
    sim.partition([old], others);
    ensure(
      sim.runUntil(() => leaders(sim).some((l) => l.id !== old), 5_000),
      `the majority side (${others.join(", ")}) elected no leader`,
    );
    const successor = leaders(sim).find((l) => l.id !== old)?.id as string;
    sim.heal();
    sim.block(successor, old); // the new leader's heartbeats never reach the old one
    const stepped = sim.runUntil(
      () => !(sim.node(old)?.role() === "leader" && sim.node(old)?.term() === oldTerm),
      2_000,
    );
    ensure(
      stepped,
      `${old} led term ${oldTerm}; cut off, it was replaced by ${successor}, whose messages still cannot reach it. 2 s after the ` +
        `partition healed, ${old} still leads term ${oldTerm}. Its heartbeats reach the followers, so two rules must hold: a stale ` +
        `heartbeat is answered, not dropped (an AppendEntriesReply carrying the follower's term), and ${old} steps down on the higher ` +
        "term in that reply (a higher term in any message, replies included).",
    );
  });
});

test("heavy faults with crashes and restarts: one leader per term, terms never decrease (100 seeds)", () => {
  forEachSeed(100, (seed) => {
    const sim = raftCluster(raft, {
      seed,
      network: { minDelayMs: 1, maxDelayMs: 60, dropRate: 0.2, duplicateRate: 0.1 },
    });
    checkElectionSafety(sim);
    checkTermsNeverDecrease(sim);
    for (let round = 0; round < 4; round++) {
      sim.runFor(800);
      const victim = currentLeader(sim) ?? `n${1 + (round % 5)}`;
      if (sim.node(victim)) sim.crash(victim);
      sim.runFor(400);
      sim.restart(victim);
    }
    sim.runFor(2_000);
  });
});

test("after a partition into 2 and 3 heals, the cluster settles on a single leader everyone follows", () => {
  forEachSeed(20, (seed) => {
    const sim = raftCluster(raft, { seed });
    checkElectionSafety(sim);
    awaitLeader(sim, 5_000);
    sim.partition(["n1", "n2"], ["n3", "n4", "n5"]);
    sim.runFor(2_000);
    sim.heal();
    sim.runFor(2_000);
    const leader = currentLeader(sim);
    for (const [id, node] of sim.liveNodes()) {
      ensure(node.leaderId() === leader, `2 s after healing, ${id} follows ${node.leaderId()} but ${leader} leads`);
    }
  });
});

test("a refused vote is not a vote: two refusals and its own vote do not make a leader of 5", () => {
  const ctx = new ManualContext<RaftMessage>("n1", ["n2", "n3", "n4", "n5"]);
  const node = new raft.RaftNode(ctx);
  ctx.fireNextTimer(); // a candidate of term 1
  node.onMessage("n2", { type: "RequestVoteReply", term: 1, voteGranted: false });
  node.onMessage("n3", { type: "RequestVoteReply", term: 1, voteGranted: false });
  ensure(
    node.role() === "candidate",
    `n1, a candidate of term 1, became ${node.role()} after n2 and n3 refused their votes. Count a reply only when voteGranted ` +
      "is true: a refusal means that server voted for someone else, who may be winning this very term.",
  );
});

test("a candidate that concedes to a leader of its own term keeps its vote: it cannot vote again in that term", () => {
  const ctx = new ManualContext<RaftMessage>("n1", ["n2", "n3", "n4", "n5"]);
  const node = new raft.RaftNode(ctx);
  ctx.fireNextTimer(); // a candidate of term 1, voted for itself
  node.onMessage("n3", { type: "AppendEntries", term: 1, leaderId: "n3" });
  ctx.takeSent();
  node.onMessage("n4", { type: "RequestVote", term: 1, candidateId: "n4" });
  const replies = ctx.takeSent().map((s) => s.message);
  ensure(
    node.votedFor() === "n1" &&
      JSON.stringify(replies) === JSON.stringify([{ type: "RequestVoteReply", term: 1, voteGranted: false }]),
    `n1 voted for itself in term 1, conceded to n3's heartbeat of term 1, then answered n4's request of term 1 with ` +
      `${JSON.stringify(replies)} (votedFor is now ${JSON.stringify(node.votedFor())}). Stepping down within a term keeps the vote ` +
      "cast in it: only a new term clears votedFor. Otherwise one server votes twice in a term, and two leaders can win it.",
  );
});

test("a leader deposed by a higher term runs an election timer again, so it can stand in a later election", () => {
  const ctx = new ManualContext<RaftMessage>("n1", ["n2", "n3"]);
  const node = new raft.RaftNode(ctx);
  ctx.fireNextTimer();
  node.onMessage("n2", { type: "RequestVoteReply", term: 1, voteGranted: true });
  expect(node.role()).toBe("leader");
  node.onMessage("n3", { type: "AppendEntriesReply", term: 4, success: false });
  ensure(
    node.role() === "follower" && ctx.timers.size > 0,
    `n1 led term 1, was deposed by a reply of term 4 and is now ${node.role()} with ${ctx.timers.size} timer(s) pending. A leader ` +
      "stops its election timer; stepping down must start it again, or the server never times out and never stands again.",
  );
  for (let fired = 0; fired < 5 && node.role() === "follower"; fired++) ctx.fireNextTimer();
  expect([node.role(), node.term()]).toEqual(["candidate", 5]);
});

test("a heartbeat of the current term is acknowledged with success", () => {
  const ctx = new ManualContext<RaftMessage>("n1", ["n2", "n3"]);
  const node = new raft.RaftNode(ctx);
  node.onMessage("n2", { type: "AppendEntries", term: 2, leaderId: "n2" });
  expect(ctx.takeSent()).toEqual([{ to: "n2", message: { type: "AppendEntriesReply", term: 2, success: true } }]);
});

test.each([
  [{ electionTimeoutMinMs: 200, electionTimeoutMaxMs: 200 }, "INVALID_TIMEOUT", /min 200 ms and max 200 ms/],
  [{ heartbeatIntervalMs: 150 }, "INVALID_HEARTBEAT", /below the minimum election timeout \(150 ms\), got 150 ms/],
])("the edge of each timing rule is refused, and the message gives the values: %p", (timings, code, message) => {
  let error: unknown;
  try {
    new raft.RaftNode(new ManualContext<RaftMessage>("n1", ["n2"]), timings);
  } catch (caught) {
    error = caught;
  }
  ensure(
    error instanceof Error && (error as { code?: string }).code === code,
    `${JSON.stringify(timings)} was accepted: an election timeout range with min = max makes every node time out together ` +
      "(votes split forever), and a heartbeat as long as the shortest timeout lets followers time out between heartbeats",
  );
  expect((error as Error).message).toMatch(message);
});
