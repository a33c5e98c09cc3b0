/**
 * What replication costs, on 20 seeds: 3 nodes (a leader and two followers, one of them
 * synchronous), message delays of 1-10 ms and 2% of messages lost. 4 clients each make 25
 * operations, half of them writes (at the leader), half reads (at any replica), over 10 keys.
 * Two figures per run, lower is better and deterministic for each seed: the messages sent per
 * write (Appends, resends and Acks), and the log entries those Appends carried per write (an
 * entry resent counts again): what the replication stream weighs on the network.
 */
import { defineBench } from "#kata/bench";
import type * as NodeModule from "./src/replica-node";
import { replicationCluster, startReplicationClients, kvHistory, type ReplicationApi } from "./replication-cluster";

interface RunFigures {
  messages: number;
  entries: number;
}

/** Each run serves both workloads: the figures of one implementation on one seed. */
const runs = new WeakMap<ReplicationApi, Map<number, RunFigures>>();

function mixedLoad(api: ReplicationApi, seed: number): RunFigures {
  const known = runs.get(api) ?? new Map<number, RunFigures>();
  runs.set(api, known);
  const cached = known.get(seed);
  if (cached) return cached;
  const cluster = replicationCluster(api, {
    seed,
    size: 3,
    network: { minDelayMs: 1, maxDelayMs: 10, dropRate: 0.02 },
    node: { syncFollowers: 1 },
  });
  const { sim } = cluster;
  const clients = startReplicationClients(sim, {
    keys: Array.from({ length: 10 }, (_, i) => `k${i}`),
    clients: 4,
    operationsPerClient: 25,
    readFrom: "any",
  });
  sim.runUntil(() => clients.done(), 60_000);
  sim.runFor(500); // let the followers catch up: the stream's cost includes finishing it
  const writes = Math.max(1, kvHistory(sim).filter((op) => op.input.type === "put").length);
  const figures = { messages: sim.stats.sent / writes, entries: cluster.entriesShipped / writes };
  known.set(seed, figures);
  return figures;
}

export default defineBench<typeof NodeModule>({
  workloads: [
    {
      kind: "sim",
      name: "messages per write",
      unit: "messages",
      seeds: 20,
      measure: (api, seed) => mixedLoad(api, seed).messages,
    },
    {
      kind: "sim",
      name: "entries shipped per write",
      unit: "entries",
      seeds: 20,
      measure: (api, seed) => mixedLoad(api, seed).entries,
    },
  ],
});
