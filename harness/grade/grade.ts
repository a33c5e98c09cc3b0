/**
 * Grades a set of exercises for one target: tests first (two exercises at a time, each in its own
 * jest process), then benches one at a time (two benches at once would measure each other), only
 * for exercises whose visible tests all pass. One exercise's crash never stops the others. Each
 * started exercise is also type-checked: its type errors are reported, never scored.
 */
import type { Exercise } from "../catalog/catalog";
import { hasBudgets } from "../catalog/exercise-meta";
import { DEFAULT_BENCH_TIME_LIMIT_MS, runBench } from "../bench/run-bench";
import type { BenchReport } from "../bench/result";
import { forEachConcurrently } from "../run/concurrency";
import { DEFAULT_TEST_LIMITS, runExerciseTests, type TestRunResult } from "../run/run-tests";
import { scoreCorrectness, scoreExercise, scoreWorkbook, everyTestPasses, type WorkbookScore } from "../score/score";
import { TypeChecker, formatTypeProblems } from "../typecheck/type-errors";

export interface GradeOptions {
  target: string;
  hidden: boolean;
  bench: boolean;
  /** Per-exercise limit for the tests, in ms. */
  testTimeLimitMs?: number;
  benchTimeLimitMs?: number;
  concurrency?: number;
  /** Told of each step, for a progress display. */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { phase: "tests"; exercise: Exercise; done: number; total: number; run: TestRunResult }
  | { phase: "bench-start"; exercise: Exercise }
  | { phase: "bench"; exercise: Exercise; report: BenchReport };

export async function gradeExercises(exercises: Exercise[], options: GradeOptions): Promise<WorkbookScore> {
  const runs = new Map<Exercise, TestRunResult>();
  let done = 0;
  await forEachConcurrently(exercises, options.concurrency ?? 2, async (exercise) => {
    const run = await runExerciseTests(exercise, {
      target: options.target,
      includeHidden: options.hidden,
      timeLimitMs: options.testTimeLimitMs ?? DEFAULT_TEST_LIMITS.timeLimitMs,
      outputLimitBytes: DEFAULT_TEST_LIMITS.outputLimitBytes,
    });
    runs.set(exercise, run);
    done += 1;
    options.onProgress?.({ phase: "tests", exercise, done, total: exercises.length, run });
  });

  const scores = [];
  const checker = new TypeChecker(options.target); // one for all: the libraries are parsed once
  for (const exercise of exercises) {
    const run = runs.get(exercise) as TestRunResult;
    let bench: BenchReport | undefined;
    if (
      options.bench &&
      hasBudgets(exercise) &&
      run.crash === undefined &&
      everyTestPasses(scoreCorrectness(run.cases))
    ) {
      options.onProgress?.({ phase: "bench-start", exercise });
      bench = await runBench(exercise, {
        target: options.target,
        timeLimitMs: options.benchTimeLimitMs ?? DEFAULT_BENCH_TIME_LIMIT_MS,
      });
      options.onProgress?.({ phase: "bench", exercise, report: bench });
    }
    const score = scoreExercise(exercise, run, bench);
    const typeErrors = score.state === "not started" ? [] : typeErrorsOf(checker, exercise);
    scores.push(typeErrors.length > 0 ? { ...score, typeErrors } : score);
  }
  return scoreWorkbook(scores);
}

/** Type errors are reported, not scored: the tests decide correctness; a checker failure hides nothing. */
function typeErrorsOf(checker: TypeChecker, exercise: Exercise): string[] {
  try {
    return formatTypeProblems(checker.check(exercise));
  } catch {
    return [];
  }
}
