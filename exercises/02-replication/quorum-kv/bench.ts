/**
 * What a quorum store's operations cost, on 20 seeds: 5 nodes (so QUORUM is 3 of 5), message
 * delays of 1-10 ms, no faults. Every key is first written at ALL; then 4 clients each make 25
 * operations at QUORUM/QUORUM, 90% of them gets, over those 10 keys: the read-mostly load a quorum
 * store usually carries. Two figures per run, lower is better and deterministic for each seed: the
 * mean virtual ms from a client's call to its answer, and the messages sent per client operation.
 * An operation without an answer counts as the client's 300 ms timeout.
 */
import { defineBench } from "#kata/bench";
import type * as KvModule from "./src/kv-node";
import { callPut, kvCluster, kvHistory, startKvClients, type KvApi } from "./kv-cluster";

const CLIENT_TIMEOUT_MS = 300;

interface RunFigures {
  latencyMs: number;
  messages: number;
}

/** Each run serves both workloads: the figures of one implementation on one seed. */
const runs = new WeakMap<KvApi, Map<number, RunFigures>>();

function readMostly(api: KvApi, seed: number): RunFigures {
  const known = runs.get(api) ?? new Map<number, RunFigures>();
  runs.set(api, known);
  const cached = known.get(seed);
  if (cached) return cached;
  const sim = kvCluster(api, { seed, size: 5, network: { minDelayMs: 1, maxDelayMs: 10 } });
  const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
  for (const key of keys) callPut(sim, "n1", key, "initial", "ALL", "loader");
  sim.runFor(200);
  const sentBefore = sim.stats.sent;
  const clients = startKvClients(sim, {
    reads: "QUORUM",
    writes: "QUORUM",
    keys,
    clients: 4,
    operationsPerClient: 25,
    readShare: 0.9,
    timeoutMs: CLIENT_TIMEOUT_MS,
  });
  sim.runUntil(() => clients.done(), 60_000);
  const operations = kvHistory(sim).filter((op) => op.client !== "loader");
  const waited = operations.reduce(
    (sum, op) => sum + (op.returnedAt === undefined ? CLIENT_TIMEOUT_MS : op.returnedAt - op.invokedAt),
    0,
  );
  const figures = {
    latencyMs: waited / operations.length,
    messages: (sim.stats.sent - sentBefore) / operations.length,
  };
  known.set(seed, figures);
  return figures;
}

export default defineBench<typeof KvModule>({
  workloads: [
    {
      kind: "sim",
      name: "latency per operation",
      unit: "virtual ms",
      seeds: 20,
      measure: (api, seed) => readMostly(api, seed).latencyMs,
    },
    {
      kind: "sim",
      name: "messages per operation",
      unit: "messages",
      seeds: 20,
      measure: (api, seed) => readMostly(api, seed).messages,
    },
  ],
});
