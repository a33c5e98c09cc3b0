/**
 * A Raft cluster on the simulated network, for the tests and the bench (given code). It takes the
 * raft-node module as an argument, so the same helper drives your code, the reference or a
 * submission, whichever the test's import resolves to.
 */
import { Simulation, type NetworkFaults } from "#kata/sim";
import type * as RaftModule from "./src/raft-node";
import type { RaftMessage } from "./src/messages";

export type RaftApi = Pick<typeof RaftModule, "RaftNode">;
export type RaftNodeInstance = InstanceType<RaftApi["RaftNode"]>;
export type RaftSimulation = Simulation<RaftMessage, RaftNodeInstance>;

export function nodeNames(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `n${i + 1}`);
}

export function raftCluster(
  api: RaftApi,
  options: { seed: number; size?: number; network?: Partial<NetworkFaults> },
): RaftSimulation {
  const sim: RaftSimulation = new Simulation<RaftMessage, RaftNodeInstance>({
    seed: options.seed,
    nodeIds: nodeNames(options.size ?? 5),
    createNode: (ctx) => new api.RaftNode(ctx),
    ...(options.network ? { network: options.network } : {}),
  });
  sim.describe = (m) => {
    switch (m.type) {
      case "RequestVote":
        return `RequestVote term ${m.term}`;
      case "RequestVoteReply":
        return `RequestVoteReply term ${m.term} ${m.voteGranted ? "granted" : "refused"}`;
      case "AppendEntries":
        return `heartbeat term ${m.term} from ${m.leaderId}`;
      case "AppendEntriesReply":
        return `heartbeat reply term ${m.term}${m.success ? "" : " rejected"}`;
    }
  };
  return sim;
}

/** The live nodes that believe they lead, with their terms. */
export function leaders(sim: RaftSimulation): { id: string; term: number }[] {
  return sim
    .liveNodes()
    .filter(([, node]) => node.role() === "leader")
    .map(([id, node]) => ({ id, term: node.term() }));
}

/** The single leader of the highest term among live nodes, if there is one. */
export function currentLeader(sim: RaftSimulation): string | undefined {
  const all = leaders(sim).sort((a, b) => b.term - a.term);
  return all[0]?.id;
}

/**
 * Election safety (Raft's first guarantee), checked after every simulated event: no two nodes are
 * ever leader of the same term, across the whole run, crashes included.
 */
export function checkElectionSafety(sim: RaftSimulation): void {
  const leaderOfTerm = new Map<number, string>();
  sim.addInvariant("at most one leader per term", () => {
    for (const { id, term } of leaders(sim)) {
      const earlier = leaderOfTerm.get(term);
      if (earlier !== undefined && earlier !== id) return `${earlier} and ${id} both became leader of term ${term}`;
      leaderOfTerm.set(term, id);
    }
    return undefined;
  });
}

/** Runs until some live node leads; returns its id, or undefined after `maxMs`. */
export function awaitLeader(sim: RaftSimulation, maxMs: number): string | undefined {
  return sim.runUntil(() => currentLeader(sim) !== undefined, maxMs) ? currentLeader(sim) : undefined;
}
