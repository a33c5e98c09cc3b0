/**
 * Child process: measures every workload of one bench, learner against reference, and writes the
 * measurements as JSON to a file (stdout is the learner's: their logs must not corrupt results).
 * Usage: tsx harness/bench/bench-child.ts '<BenchPlan as JSON>'
 *
 * `order` says which side is loaded first: the first-loaded module runs measurably faster (10-15%
 * seen on identical code), so run-bench.ts runs in-process workloads once in each order and
 * combines the two. With order peers-first or reference-first-peers, the "learner" is the
 * reference and it is measured against each of the bench's peers on every throughput workload
 * instead (ratio = reference / peer).
 */
import "../resolve/node-hook.cjs"; // first: the workbook's import rules for the code loaded below
import { writeFileSync } from "node:fs";
import { measureHttp } from "./http-load";
import { measureWs } from "./ws-load";
import { loadSide, type LoadedSide, type Side } from "./load-implementation";
import { formatRate, measureScaling, measureSim, measureThroughput } from "./measure";
import type { WorkloadMeasurement } from "./result";
import type { Workload } from "./define";

export const BENCH_ORDERS = ["reference-first", "learner-first", "peers-first", "reference-first-peers"] as const;
export type BenchOrder = (typeof BENCH_ORDERS)[number];

export interface BenchPlan {
  order: BenchOrder;
  benchFile: string;
  learner: Side;
  reference: Side;
  outFile: string;
  /** Only these workloads (all when empty). */
  workloads: string[];
  /** Rounds per http workload, when not the default. */
  httpRounds?: number;
}

/** `mine` and `theirs` are the same workload from the two sides' own instances of bench.ts. */
async function measure(
  plan: BenchPlan,
  mine: Workload<unknown>,
  learner: LoadedSide,
  reference: LoadedSide,
): Promise<WorkloadMeasurement> {
  const theirs = reference.bench.workloads.find((w) => w.name === mine.name) as Workload<unknown>;
  switch (mine.kind) {
    case "throughput":
      return measureThroughput(mine, theirs as typeof mine, learner.api, reference.api);
    case "scaling":
      return measureScaling(mine, theirs as typeof mine, learner.api, reference.api);
    case "sim":
      return measureSim(mine, theirs as typeof mine, learner.api, reference.api);
    case "http":
      return measureHttp(mine, plan.benchFile, plan.learner, plan.reference, plan.httpRounds);
    case "ws":
      return measureWs(mine, plan.benchFile, plan.learner, plan.reference, plan.httpRounds);
  }
}

/**
 * The reference against each peer, on every throughput workload (in both load orders, as
 * run-bench.ts asks) and every http workload (once: each side is a server of its own, so load
 * order does not apply); one measurement per pair.
 */
async function measurePeers(plan: BenchPlan): Promise<WorkloadMeasurement[]> {
  const referenceFirst = plan.order === "reference-first-peers" ? loadSide(plan.benchFile, plan.reference) : undefined;
  const peersSide = loadSide(plan.benchFile, plan.reference); // its bench instance holds the peers
  const reference = referenceFirst ?? loadSide(plan.benchFile, plan.reference);
  const results: WorkloadMeasurement[] = [];
  for (const peer of peersSide.bench.peers ?? []) {
    for (const workload of reference.bench.workloads) {
      if ("compareWithPeers" in workload && workload.compareWithPeers === false) continue;
      if (workload.kind === "http" && plan.order === "reference-first-peers") {
        const m = await measureHttp(workload, plan.benchFile, plan.reference, { ...plan.reference, peer: peer.name });
        results.push({
          ...m,
          name: `${workload.name} | ${peer.name}`,
          detail: m.detail.replace(/ vs reference /, ` (reference) vs ${peer.name} `),
        });
        continue;
      }
      if (workload.kind !== "throughput") continue;
      const other = peersSide.bench.workloads.find((w) => w.name === workload.name) as typeof workload;
      const m = measureThroughput(workload, other, reference.api, peer.api);
      const detail = `median of interleaved rounds: reference ${formatRate(m.learner)}, ${peer.name} ${formatRate(m.reference)} ${workload.unit}/s`;
      results.push({ ...m, name: `${workload.name} | ${peer.name}`, detail });
    }
    if (plan.order === "reference-first-peers") {
      for (const figure of reference.bench.figures ?? []) {
        const mine = figure.measure(reference.api);
        const theirs = figure.measure(peer.api);
        results.push({
          name: `${figure.name} | ${peer.name}`,
          kind: "sim",
          unit: figure.unit,
          learner: mine,
          reference: theirs,
          ratio: theirs / mine,
          detail: `${figure.unit}: reference ${mine.toPrecision(3)}, ${peer.name} ${theirs.toPrecision(3)} (lower is better)`,
        });
      }
    }
  }
  return results;
}

async function measureAgainstReference(plan: BenchPlan): Promise<WorkloadMeasurement[]> {
  let reference = plan.order === "reference-first" ? loadSide(plan.benchFile, plan.reference) : undefined;
  let learner: LoadedSide | undefined;
  let loadError: string | undefined;
  try {
    learner = loadSide(plan.benchFile, plan.learner);
  } catch (error) {
    loadError = `the module did not load: ${describe(error)}`;
  }
  reference ??= loadSide(plan.benchFile, plan.reference);
  const results: WorkloadMeasurement[] = [];
  for (const workload of reference.bench.workloads) {
    if (plan.workloads.length > 0 && !plan.workloads.includes(workload.name)) continue;
    try {
      if (learner === undefined) throw new Error(loadError);
      const mine = learner.bench.workloads.find((w) => w.name === workload.name) as Workload<unknown>;
      results.push(await measure(plan, mine, learner, reference));
    } catch (error) {
      const unit = workload.kind === "http" ? "req/s" : workload.kind === "ws" ? "deliveries/s" : workload.unit;
      results.push({
        name: workload.name,
        kind: workload.kind,
        unit,
        learner: 0,
        reference: 0,
        ratio: 0,
        detail: "not measured",
        error: describe(error),
      });
    }
    writeFileSync(plan.outFile, JSON.stringify(results)); // after each workload, so a crash keeps what was measured
  }
  return results;
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2] ?? "null") as BenchPlan | null;
  if (!plan || !BENCH_ORDERS.includes(plan.order))
    throw new Error("usage: bench-child.ts '<BenchPlan as JSON>' (see run-bench.ts)");
  const peers = plan.order === "peers-first" || plan.order === "reference-first-peers";
  const results = peers ? await measurePeers(plan) : await measureAgainstReference(plan);
  writeFileSync(plan.outFile, JSON.stringify(results));
  process.exit(0); // the learner's timers or sockets must not keep the bench alive
}

function describe(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : `a thrown ${typeof error}: ${String(error)}`;
  return text.split("\n")[0]?.slice(0, 300) ?? text;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${describe(error)}\n`);
  process.exit(1);
});
