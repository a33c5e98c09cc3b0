/**
 * Runs an exercise's bench for one target in a bounded child process and scores each workload
 * against its budget. A learner's crash or hang costs that exercise its performance points with
 * a reason; the caller always gets a report.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import targets from "../resolve/targets.cjs";
import type { Exercise } from "../catalog/catalog";
import { runBoundedForJson } from "../run/bounded-process";
import { TSX_CLI } from "../run/tools";
import type { BenchPlan, BenchOrder } from "./bench-child";
import type { Side } from "./load-implementation";
import type { BenchReport, WorkloadMeasurement } from "./result";

const BENCH_CHILD = path.join(targets.REPO_ROOT, "harness", "bench", "bench-child.ts");

export interface BenchOptions {
  /** KATA_TARGET spelling of the implementation to measure against the reference. */
  target: string;
  timeLimitMs: number;
  /** Only these workloads (all when empty). */
  workloads?: string[];
  /**
   * Measure in one load order only (verify's quick check of naive): the side loaded first runs
   * faster (by 10% to 1.7x, depending on the workload), so under `learner-first` a learner that
   * still misses the budget surely does. Both orders, combined, when absent.
   */
  singleOrder?: "reference-first" | "learner-first";
  /**
   * Rounds per http workload (default HTTP_ROUNDS, 4). Verify measures the reference against
   * itself in 2: identical servers read 0.75-1.24 a round, so the median of two still clears any
   * http budget of 0.6 or less with its margin, in half the time.
   */
  httpRounds?: number;
}

export const DEFAULT_BENCH_TIME_LIMIT_MS = 240_000;

export const NO_REFERENCE =
  "this copy has no reference to measure against: your instructor grades performance with the reference beside your code, on one machine";

export async function runBench(exercise: Exercise, options: BenchOptions): Promise<BenchReport> {
  const target = targets.parseTarget(options.target);
  const learner = sideOf(exercise, options.target);
  const reference = sideOf(exercise, "solutions");
  const learnerFile = learner.file;
  const report: BenchReport = { exercise: exercise.id, target: targets.describeTarget(target), workloads: [] };
  const expected = Object.keys(exercise.meta.budgets).filter(
    (name) => !options.workloads?.length || options.workloads.includes(name),
  );
  if (!existsSync(learnerFile)) {
    report.workloads = expected.map((name) =>
      notMeasured(name, `no ${path.relative(targets.REPO_ROOT, learnerFile)} to measure`),
    );
    return report;
  }
  if (!existsSync(exercise.referenceDir)) {
    // A student copy (kata export): a ratio needs the reference in the same run, on the same machine.
    report.workloads = expected.map((name) => notMeasured(name, NO_REFERENCE));
    return report;
  }
  const first = await runChild(exercise, options.singleOrder ?? "reference-first", learner, reference, options);
  const inProcess = first.measured.filter(
    (m) => (m.kind === "throughput" || m.kind === "scaling") && m.error === undefined,
  );
  const second =
    inProcess.length > 0 && first.failure === undefined && options.singleOrder === undefined
      ? await runChild(exercise, "learner-first", learner, reference, {
          ...options,
          workloads: inProcess.map((m) => m.name),
        })
      : undefined;
  const measured = mergeLoadOrders(first.measured, second?.measured ?? []);
  const reason = first.failure ?? second?.failure ?? "the bench did not report this workload";
  report.workloads = expected.map((name) => measured.find((m) => m.name === name) ?? notMeasured(name, reason));
  for (const m of measured.filter((x) => !expected.includes(x.name))) {
    report.workloads.push({ ...m, error: `bench.ts declares "${m.name}" but exercise.json has no budget for it` });
  }
  return report;
}

/** The side a target puts in a bench: its file for the exercise's entry module. */
export function sideOf(exercise: Exercise, target: string): Side {
  const name = { track: exercise.meta.track, slug: exercise.meta.slug, module: exercise.meta.entry };
  const parsed = targets.parseTarget(target);
  // The child runs elsewhere: spell a folder target as its absolute path.
  return { target: targets.describeTarget(parsed), file: targets.implementationFile(name, parsed) };
}

function notMeasured(name: string, why: string): WorkloadMeasurement {
  return { name, kind: "throughput", unit: "", learner: 0, reference: 0, ratio: 0, detail: "not measured", error: why };
}

/**
 * The first run's measurements, each combined with the same workload from the run in the opposite
 * load order where there is one (an error in the second run stands: the learner's code failed there).
 */
function mergeLoadOrders(first: WorkloadMeasurement[], second: WorkloadMeasurement[]): WorkloadMeasurement[] {
  return first.map((m) => {
    const swapped = second.find((x) => x.name === m.name);
    if (swapped === undefined) return m;
    return swapped.error !== undefined ? swapped : combineLoadOrders(m, swapped);
  });
}

/** One measurement from two runs that loaded the modules in opposite orders: geometric mean of ratios. */
export function combineLoadOrders(a: WorkloadMeasurement, b: WorkloadMeasurement): WorkloadMeasurement {
  return {
    ...a,
    learner: (a.learner + b.learner) / 2,
    reference: (a.reference + b.reference) / 2,
    ratio: Math.sqrt(a.ratio * b.ratio),
    detail: `${a.detail}; ratio ${a.ratio.toFixed(3)} and ${b.ratio.toFixed(3)} with each side loaded first, geometric mean`,
  };
}

/**
 * The reference beside each of the bench's peers (libraries people use for the same job), on every
 * throughput workload: ratio = reference / peer, both load orders, geometric mean. Context for the
 * learner, never scored. Empty when the bench declares no peers.
 */
export async function runPeers(
  exercise: Exercise,
  timeLimitMs: number,
): Promise<{ measured: WorkloadMeasurement[]; failure?: string }> {
  const reference = sideOf(exercise, "solutions");
  const first = await runChild(exercise, "reference-first-peers", reference, reference, {
    target: "solutions",
    timeLimitMs,
  });
  if (first.failure !== undefined || first.measured.length === 0) return first;
  const second = await runChild(exercise, "peers-first", reference, reference, { target: "solutions", timeLimitMs });
  const measured = mergeLoadOrders(first.measured, second.measured);
  return second.failure !== undefined ? { measured, failure: second.failure } : { measured };
}

async function runChild(
  exercise: Exercise,
  order: BenchOrder,
  learner: Side,
  reference: Side,
  options: BenchOptions,
): Promise<{ measured: WorkloadMeasurement[]; failure?: string }> {
  const { run, report } = await runBoundedForJson<WorkloadMeasurement[]>({
    command: process.execPath,
    args: (outFile) => {
      const plan: BenchPlan = {
        order,
        benchFile: exercise.benchFile,
        learner,
        reference,
        outFile,
        workloads: options.workloads ?? [],
        ...(options.httpRounds !== undefined ? { httpRounds: options.httpRounds } : {}),
      };
      return [TSX_CLI, BENCH_CHILD, JSON.stringify(plan)];
    },
    cwd: targets.REPO_ROOT,
    env: { ...process.env, FORCE_COLOR: "0" },
    timeLimitMs: options.timeLimitMs,
    outputLimitBytes: 4 * 1024 * 1024,
  });
  const measured = report ?? [];
  if (run.reason === "time-limit")
    return { measured, failure: `the bench did not finish within ${Math.round(options.timeLimitMs / 1000)} s` };
  if (run.reason === "output-limit")
    return { measured, failure: "the bench wrote more than 4 MiB of output: remove console.log calls from hot paths" };
  if (run.exitCode !== 0)
    return {
      measured,
      failure: `the bench process failed: ${run.stderr.trim().split("\n").at(-1) ?? `exit code ${run.exitCode}`}`,
    };
  return { measured };
}
