/**
 * Child process: measures every workload of one bench, learner against reference, and writes the
 * measurements as JSON to a file (stdout is the learner's: their logs must not corrupt results).
 * Usage: tsx harness/bench/bench-child.ts <order> <bench.ts> <learner module> <reference module> <out.json> [workload...]
 * <order> is reference-first or learner-first: which module is loaded first. With <order> peers-first
 * or reference-first-peers, the "learner" is the reference and it is measured against each of the
 * bench's peers on every throughput workload instead (ratio = reference / peer). The first-loaded
 * module runs measurably faster (10-15% seen on identical code), so run-bench.ts runs in-process
 * workloads once in each order and combines the two.
 */
import "../resolve/node-hook.cjs"; // first: the workbook's import rules for the code loaded below
import { writeFileSync } from "node:fs";
import { measureHttp } from "./http-load";
import { loadBench, loadModule } from "./load-implementation";
import { formatRate, measureScaling, measureSim, measureThroughput } from "./measure";
import type { WorkloadMeasurement } from "./result";
import type { Workload } from "./define";

/** `mine` and `theirs` are the same workload from two instances of bench.ts (see loadBench). */
async function measure(
  mine: Workload<unknown>,
  theirs: Workload<unknown>,
  files: { bench: string; learner: string; reference: string },
  learner: unknown,
  reference: unknown,
): Promise<WorkloadMeasurement> {
  switch (mine.kind) {
    case "throughput":
      return measureThroughput(mine, theirs as typeof mine, learner, reference);
    case "scaling":
      return measureScaling(mine, theirs as typeof mine, learner, reference);
    case "sim":
      return measureSim(mine, theirs as typeof mine, learner, reference);
    case "http":
      return measureHttp(mine, files.bench, files.learner, files.reference);
  }
}

const ORDERS = ["reference-first", "learner-first", "peers-first", "reference-first-peers"] as const;
type Order = (typeof ORDERS)[number];

/** The reference against each peer, on every throughput workload; one measurement per pair. */
async function measurePeers(order: "peers-first" | "reference-first-peers", benchFile: string, referenceFile: string, outFile: string): Promise<void> {
  const reference = order === "reference-first-peers" ? await loadModule(referenceFile) : undefined;
  const mine = loadBench(benchFile);
  const results: WorkloadMeasurement[] = [];
  for (const peer of mine.peers ?? []) {
    const theirs = loadBench(benchFile); // a fresh instance per peer: no closure shared between sides
    const peerApi = (theirs.peers ?? []).find((p) => p.name === peer.name)?.api;
    const referenceApi = reference ?? (await loadModule(referenceFile));
    for (const workload of mine.workloads) {
      if (workload.kind !== "throughput" || workload.compareWithPeers === false) continue;
      const other = theirs.workloads.find((w) => w.name === workload.name) as typeof workload;
      const m = measureThroughput(workload, other, referenceApi, peerApi);
      const detail = `median of interleaved rounds: reference ${formatRate(m.learner)}, ${peer.name} ${formatRate(m.reference)} ${workload.unit}/s`;
      results.push({ ...m, name: `${workload.name} | ${peer.name}`, detail });
    }
  }
  writeFileSync(outFile, JSON.stringify(results));
  process.exit(0);
}

async function main(): Promise<void> {
  const [order, benchFile, learnerFile, referenceFile, outFile, ...only] = process.argv.slice(2);
  if (!ORDERS.includes(order as Order) || !benchFile || !learnerFile || !referenceFile || !outFile) {
    throw new Error(`usage: bench-child.ts ${ORDERS.join("|")} <bench.ts> <learner module> <reference module> <out.json> [workload...]`);
  }
  if (order === "peers-first" || order === "reference-first-peers") {
    await measurePeers(order, benchFile, referenceFile, outFile);
    return;
  }
  const bench = loadBench(benchFile);
  const referenceBench = loadBench(benchFile);
  let reference = order === "reference-first" ? await loadModule(referenceFile) : undefined;
  let learner: unknown;
  let loadError: string | undefined;
  try {
    learner = await loadModule(learnerFile);
  } catch (error) {
    loadError = `the module did not load: ${describe(error)}`;
  }
  reference ??= await loadModule(referenceFile);
  const results: WorkloadMeasurement[] = [];
  for (const workload of bench.workloads) {
    if (only.length > 0 && !only.includes(workload.name)) continue;
    try {
      if (loadError) throw new Error(loadError);
      const theirs = referenceBench.workloads.find((w) => w.name === workload.name) as Workload<unknown>;
      results.push(await measure(workload, theirs, { bench: benchFile, learner: learnerFile, reference: referenceFile }, learner, reference));
    } catch (error) {
      const unit = workload.kind === "http" ? "req/s" : workload.unit;
      results.push({ name: workload.name, kind: workload.kind, unit, learner: 0, reference: 0, ratio: 0, detail: "not measured", error: describe(error) });
    }
    writeFileSync(outFile, JSON.stringify(results)); // after each workload, so a crash keeps what was measured
  }
  writeFileSync(outFile, JSON.stringify(results));
  process.exit(0); // the learner's timers or sockets must not keep the bench alive
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `a thrown ${typeof error}: ${String(error)}`;
  return text.split("\n")[0]?.slice(0, 300) ?? text;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${describe(error)}\n`);
  process.exit(1);
});
