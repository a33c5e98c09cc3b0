/**
 * Child process: measures every workload of one bench, learner against reference, and writes the
 * measurements as JSON to a file (stdout is the learner's: their logs must not corrupt results).
 * Usage: tsx harness/bench/bench-child.ts <order> <bench.ts> <learner module> <reference module> <out.json> [workload...]
 * <order> is reference-first or learner-first: which module is loaded first. The first-loaded
 * module runs measurably faster (10-15% seen on identical code), so run-bench.ts runs in-process
 * workloads once in each order and combines the two.
 */
import { writeFileSync } from "node:fs";
import { measureHttp } from "./http-load";
import { loadBench, loadModule } from "./load-implementation";
import { measureScaling, measureSim, measureThroughput } from "./measure";
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

async function main(): Promise<void> {
  const [order, benchFile, learnerFile, referenceFile, outFile, ...only] = process.argv.slice(2);
  if ((order !== "reference-first" && order !== "learner-first") || !benchFile || !learnerFile || !referenceFile || !outFile) {
    throw new Error("usage: bench-child.ts reference-first|learner-first <bench.ts> <learner module> <reference module> <out.json> [workload...]");
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
