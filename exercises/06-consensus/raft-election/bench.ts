/**
 * How elections are measured: on 100 seeds, a 5-node cluster starts cold and elects a leader, then
 * the leader crashes and the survivors elect another. The figures are virtual milliseconds and
 * messages until both leaders stand, lower is better, deterministic for each seed. A run that has
 * not elected within 10 s counts as 10 s (and the messages sent so far).
 */
import { defineBench } from "#kata/bench";
import type * as RaftModule from "./src/raft-node";
import { awaitLeader, raftCluster } from "./raft-cluster";

const GIVE_UP_MS = 10_000;
const NETWORK = { minDelayMs: 2, maxDelayMs: 12 };

function twoElections(api: typeof RaftModule, seed: number): { ms: number; messages: number } {
  const sim = raftCluster(api, { seed, size: 5, network: NETWORK });
  const first = awaitLeader(sim, GIVE_UP_MS);
  const firstMs = sim.now;
  if (first === undefined) return { ms: 2 * GIVE_UP_MS, messages: sim.stats.sent };
  sim.crash(first);
  const crashedAt = sim.now;
  const second = awaitLeader(sim, GIVE_UP_MS);
  const secondMs = second === undefined ? GIVE_UP_MS : sim.now - crashedAt;
  return { ms: firstMs + secondMs, messages: sim.stats.sent };
}

export default defineBench<typeof RaftModule>({
  workloads: [
    {
      kind: "sim",
      name: "time to elect",
      unit: "virtual ms",
      seeds: 100,
      measure: (api, seed) => twoElections(api, seed).ms,
    },
    {
      kind: "sim",
      name: "messages to elect",
      unit: "messages",
      seeds: 100,
      measure: (api, seed) => twoElections(api, seed).messages,
    },
  ],
});
