/**
 * Verify's two claims about every budget: the reference meets it with room for noise, and the
 * naive variant misses it (a budget nothing can miss teaches nothing).
 *
 * Both are measured the cheap way that still proves them:
 *   - the reference runs against itself in one load order (and http workloads in 2 rounds, not
 *     4); the ratio is noise around 1, and it must clear the budget by REFERENCE_MARGIN;
 *   - naive has to miss only one budget, so its workloads are measured one at a time, cheapest
 *     kind first, in the load order that favours naive, and verify stops at the first miss (an
 *     http workload costs about 20 s; an in-process one about 2 s).
 */
import { existsSync } from "node:fs";
import { loadBench } from "../bench/load-implementation";
import { runBench } from "../bench/run-bench";
import type { Workload } from "../bench/define";
import type { Exercise } from "../catalog/catalog";
import { hasBudgets } from "../catalog/exercise-meta";
import type { Check } from "./exercise-checks";

/** The reference, measured against itself, must clear each budget by this factor: room for noise. */
export const REFERENCE_MARGIN = 1.25;

const BENCH_TIME_LIMIT_MS = 600_000;

/** Cheapest first: a sim workload is a few simulated runs; an http one starts two servers. */
const COST_ORDER: Record<Workload<unknown>["kind"], number> = { sim: 0, throughput: 1, scaling: 2, http: 3, ws: 3 };

function workloadsOf(exercise: Exercise): Workload<unknown>[] {
  return loadBench(exercise.benchFile).workloads;
}

/**
 * True when every workload is a figure in virtual time: deterministic, so the machine's load
 * cannot move it, and its bench may run beside the tests instead of on a quiet machine.
 */
export function measuresOnlyVirtualTime(exercise: Exercise): boolean {
  try {
    const workloads = workloadsOf(exercise);
    return workloads.length > 0 && workloads.every((w) => w.kind === "sim");
  } catch {
    return false; // benchAgreement reports the load error; measure it with the others
  }
}

export async function budgetChecks(exercise: Exercise): Promise<Check[]> {
  return [...(await referenceChecks(exercise)), ...(await naiveCheck(exercise))];
}

async function referenceChecks(exercise: Exercise): Promise<Check[]> {
  const reference = await runBench(exercise, {
    target: "solutions",
    timeLimitMs: BENCH_TIME_LIMIT_MS,
    singleOrder: "reference-first",
    httpRounds: 2,
  });
  return reference.workloads.map((w) => {
    const budget = exercise.meta.budgets[w.name] ?? Number.NaN;
    return {
      name: `${exercise.id}: the reference meets "${w.name}" with margin`,
      ok: w.error === undefined && w.ratio >= budget * REFERENCE_MARGIN,
      detail: w.error ?? `ratio ${w.ratio.toFixed(3)} vs budget ${budget} (x${REFERENCE_MARGIN} margin): ${w.detail}`,
    };
  });
}

async function naiveCheck(exercise: Exercise): Promise<Check[]> {
  if (!hasBudgets(exercise))
    return [
      {
        name: `${exercise.id}: graded on correctness alone`,
        ok: !existsSync(exercise.naiveDir),
        detail: existsSync(exercise.naiveDir)
          ? "exercise.json has no budget, so naive/ has nothing to miss: remove it, or add the budget it should miss"
          : "no budget (exercise.json's budgets is {}): the score is 100 x the tests passed",
      },
    ];
  if (!existsSync(exercise.naiveDir)) return [];
  const name = `${exercise.id}: naive/ misses its budget`;
  let order: Workload<unknown>[];
  try {
    order = [...workloadsOf(exercise)].sort((a, b) => COST_ORDER[a.kind] - COST_ORDER[b.kind]);
  } catch (error) {
    return [{ name, ok: false, detail: `bench.ts did not load: ${String(error)}` }];
  }
  const met: string[] = [];
  for (const workload of order) {
    const report = await runBench(exercise, {
      target: "naive",
      timeLimitMs: BENCH_TIME_LIMIT_MS,
      singleOrder: "learner-first",
      workloads: [workload.name],
    });
    const measured = report.workloads.find((w) => w.name === workload.name);
    const budget = exercise.meta.budgets[workload.name] ?? 0;
    if (measured === undefined || measured.error !== undefined)
      return [
        {
          name,
          ok: false,
          detail: `naive could not be measured on "${workload.name}": ${measured?.error ?? "no report"}`,
        },
      ];
    const figure = `"${workload.name}": ratio ${measured.ratio.toFixed(3)} vs budget ${budget}`;
    if (measured.ratio < budget) {
      const rest = order.length - met.length - 1;
      return [
        {
          name,
          ok: true,
          detail: `misses ${figure}${met.length ? `; meets ${met.join("; ")}` : ""}${rest > 0 ? `; ${rest} more not measured (one miss is enough)` : ""}`,
        },
      ];
    }
    met.push(figure);
  }
  return [{ name, ok: false, detail: `naive meets every budget, so none can be missed: ${met.join("; ")}` }];
}
