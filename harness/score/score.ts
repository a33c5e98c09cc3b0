/**
 * The scoring formula (docs/grading.md works an example through it):
 *   correctness  = passed tests / total tests (visible, plus hidden with --hidden)
 *   workload     = min(1, ratio / budget), ratio = learner relative to reference, same run
 *   performance  = mean of the workloads, counted only when every test run passes (hidden too)
 *   exercise     = 70 x correctness + 30 x performance (100 x correctness when it has no budget)
 *   workbook     = mean of the exercises; each skill = mean of the exercises that train it
 */
import type { Exercise } from "../catalog/catalog";
import { hasBudgets, SKILLS, type Skill } from "../catalog/exercise-meta";
import type { BenchReport } from "../bench/result";
import type { TestCaseResult, TestRunResult } from "../run/run-tests";

export const CORRECTNESS_POINTS = 70;
export const PERFORMANCE_POINTS = 30;

/** One word for where a learner stands on an exercise. */
export type ExerciseState = "not started" | "started" | "correct" | "done" | "broken";

export interface WorkloadScore {
  name: string;
  budget: number;
  ratio: number;
  /** min(1, ratio / budget): 1 when the budget is met. */
  score: number;
  unit: string;
  detail: string;
  error?: string;
}

export interface CorrectnessScore {
  passed: number;
  total: number;
  visiblePassed: number;
  visibleTotal: number;
  hiddenPassed: number;
  hiddenTotal: number;
  /** passed / total, 0 when nothing ran. */
  fraction: number;
}

export interface ExerciseScore {
  id: string;
  slug: string;
  title: string;
  skills: Skill[];
  state: ExerciseState;
  correctness: CorrectnessScore;
  /** Mean workload score; 0 until every visible test passes. */
  performance: number;
  /** Why performance is 0 without a bench having run, or what went wrong. */
  performanceNote?: string;
  workloads: WorkloadScore[];
  /** 0-100, one decimal. */
  score: number;
  /** Set when the tests could not run at all. */
  crash?: string;
  /** Type errors in the learner's code ("src/x.ts:12:5 message"): reported, never scored. */
  typeErrors?: string[];
  tests: TestCaseResult[];
}

export interface WorkbookScore {
  score: number;
  exercises: ExerciseScore[];
  skills: { skill: Skill; score: number; exercises: number }[];
}

export function scoreCorrectness(tests: TestCaseResult[]): CorrectnessScore {
  const count = (file: "visible" | "hidden", status?: "passed"): number =>
    tests.filter((t) => t.file === file && (status === undefined || t.status === status)).length;
  const visibleTotal = count("visible");
  const hiddenTotal = count("hidden");
  const visiblePassed = count("visible", "passed");
  const hiddenPassed = count("hidden", "passed");
  const total = visibleTotal + hiddenTotal;
  const passed = visiblePassed + hiddenPassed;
  return {
    passed,
    total,
    visiblePassed,
    visibleTotal,
    hiddenPassed,
    hiddenTotal,
    fraction: total === 0 ? 0 : passed / total,
  };
}

/**
 * Every test that ran passed, hidden ones included when they ran (an instructor's --hidden): the
 * gate for performance points, so a fast answer that a hidden test shows wrong earns nothing for
 * its speed.
 */
export function everyTestPasses(correctness: CorrectnessScore): boolean {
  return correctness.visibleTotal > 0 && correctness.passed === correctness.total;
}

export function scoreWorkloads(exercise: Exercise, bench: BenchReport): WorkloadScore[] {
  return bench.workloads.map((m) => {
    const budget = exercise.meta.budgets[m.name] ?? Number.NaN;
    const usable = m.error === undefined && Number.isFinite(m.ratio) && Number.isFinite(budget);
    return {
      name: m.name,
      budget,
      ratio: m.ratio,
      score: usable ? Math.min(1, Math.max(0, m.ratio / budget)) : 0,
      unit: m.unit,
      detail: m.detail,
      ...(m.error !== undefined ? { error: m.error } : {}),
    };
  });
}

export function stateOf(
  run: TestRunResult,
  correctness: CorrectnessScore,
  performance: number,
  timed = true,
): ExerciseState {
  if (run.crash !== undefined) return "broken";
  if (correctness.passed === 0) {
    const failures = run.cases.filter((t) => t.status === "failed");
    if (failures.length > 0 && failures.every((t) => t.notImplemented === true)) return "not started";
    return "started";
  }
  if (!everyTestPasses(correctness)) return "started";
  return correctness.passed === correctness.total && (performance >= 1 || !timed) ? "done" : "correct";
}

export function scoreExercise(exercise: Exercise, run: TestRunResult, bench: BenchReport | undefined): ExerciseScore {
  if (!hasBudgets(exercise)) return scoreUntimed(exercise, run);
  const correctness = scoreCorrectness(run.cases);
  const gated = !everyTestPasses(correctness);
  const workloads = bench && !gated ? scoreWorkloads(exercise, bench) : [];
  const performance = workloads.length === 0 ? 0 : workloads.reduce((sum, w) => sum + w.score, 0) / workloads.length;
  const performanceNote = run.crash
    ? "not measured: the tests did not run"
    : gated
      ? correctness.hiddenTotal > 0
        ? "counts once every test passes, hidden ones included"
        : "counts once every visible test passes"
      : bench === undefined
        ? "not measured (--no-bench)"
        : undefined;
  const score = round1(CORRECTNESS_POINTS * correctness.fraction + PERFORMANCE_POINTS * performance);
  return {
    id: exercise.id,
    slug: exercise.meta.slug,
    title: exercise.meta.title,
    skills: exercise.meta.skills,
    state: stateOf(run, correctness, performance),
    correctness,
    performance,
    ...(performanceNote ? { performanceNote } : {}),
    workloads,
    score,
    ...(run.crash !== undefined ? { crash: run.crash } : {}),
    tests: run.cases,
  };
}

/** An exercise without a budget: its tests are the whole grade. */
function scoreUntimed(exercise: Exercise, run: TestRunResult): ExerciseScore {
  const correctness = scoreCorrectness(run.cases);
  return {
    id: exercise.id,
    slug: exercise.meta.slug,
    title: exercise.meta.title,
    skills: exercise.meta.skills,
    state: stateOf(run, correctness, 0, false),
    correctness,
    performance: 0,
    performanceNote: "no budget: this exercise is graded on its tests alone",
    workloads: [],
    score: round1((CORRECTNESS_POINTS + PERFORMANCE_POINTS) * correctness.fraction),
    ...(run.crash !== undefined ? { crash: run.crash } : {}),
    tests: run.cases,
  };
}

export function scoreWorkbook(exercises: ExerciseScore[]): WorkbookScore {
  const mean = (values: number[]): number =>
    values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  return {
    score: round1(mean(exercises.map((e) => e.score))),
    exercises,
    skills: SKILLS.map((skill) => {
      const trained = exercises.filter((e) => e.skills.includes(skill));
      return { skill, score: round1(mean(trained.map((e) => e.score))), exercises: trained.length };
    }).filter((s) => s.exercises > 0),
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
