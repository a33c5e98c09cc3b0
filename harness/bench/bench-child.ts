/**
 * Child process: measures every workload of one bench, learner against reference, and writes the
 * measurements as JSON to a file (stdout is the learner's: their logs must not corrupt results).
 * Usage: tsx harness/bench/bench-child.ts <bench.ts> <learner module> <reference module> <out.json> [workload...]
 */
import { writeFileSync } from "node:fs";
import { measureHttp } from "./http-load";
import { loadBench, loadModule } from "./load-implementation";
import { measureScaling, measureSim, measureThroughput } from "./measure";
import type { WorkloadMeasurement } from "./result";
import type { Workload } from "./define";

async function measure(
  workload: Workload<unknown>,
  files: { bench: string; learner: string; reference: string },
  learner: unknown,
  reference: unknown,
): Promise<WorkloadMeasurement> {
  switch (workload.kind) {
    case "throughput":
      return measureThroughput(workload, learner, reference);
    case "scaling":
      return measureScaling(workload, learner, reference);
    case "sim":
      return measureSim(workload, learner, reference);
    case "http":
      return measureHttp(workload, files.bench, files.learner, files.reference);
  }
}

async function main(): Promise<void> {
  const [benchFile, learnerFile, referenceFile, outFile, ...only] = process.argv.slice(2);
  if (!benchFile || !learnerFile || !referenceFile || !outFile) {
    throw new Error("usage: bench-child.ts <bench.ts> <learner module> <reference module> <out.json> [workload...]");
  }
  const bench = await loadBench(benchFile);
  const reference = await loadModule(referenceFile);
  let learner: unknown;
  let loadError: string | undefined;
  try {
    learner = await loadModule(learnerFile);
  } catch (error) {
    loadError = `the module did not load: ${describe(error)}`;
  }
  const results: WorkloadMeasurement[] = [];
  for (const workload of bench.workloads) {
    if (only.length > 0 && !only.includes(workload.name)) continue;
    try {
      if (loadError) throw new Error(loadError);
      results.push(await measure(workload, { bench: benchFile, learner: learnerFile, reference: referenceFile }, learner, reference));
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
