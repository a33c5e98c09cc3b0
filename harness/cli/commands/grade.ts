/** `kata grade`: tests and benches for each exercise, a progress display, a scorecard, reports. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import targets from "../../resolve/targets.cjs";
import type { Exercise } from "../../catalog/catalog";
import { gradeExercises, type ProgressEvent } from "../../grade/grade";
import { renderReport, type ReportFormat } from "../../report/formats";
import { renderScorecard } from "../../report/scorecard";
import store from "../../progress/progress-store.cjs";
import { everyTestPasses, scoreCorrectness, type ExerciseScore } from "../../score/score";

export interface GradeCommandOptions {
  target: string;
  hidden: boolean;
  bench: boolean;
  format?: ReportFormat;
  out?: string;
  timeLimit: number;
}

export function progressLine(event: ProgressEvent): string {
  switch (event.phase) {
    case "tests": {
      const c = scoreCorrectness(event.run.cases);
      const outcome = event.run.crash ? pc.red(`crashed: ${event.run.crash}`) : `${c.passed}/${c.total} tests pass`;
      return `[${event.done}/${event.total}] ${event.exercise.id}: ${outcome} (${(event.run.elapsedMs / 1000).toFixed(1)} s)`;
    }
    case "bench-start":
      return `      ${event.exercise.id}: measuring against the reference...`;
    case "bench":
      return `      ${event.exercise.id}: ${event.report.workloads.map((w) => `${w.name} ${w.error ? "x" : w.ratio.toFixed(2)}`).join(", ")}`;
  }
}

/** What a learner should do next on an exercise, from its state. */
export function nextStep(exercise: ExerciseScore): string {
  const where = `exercises/${exercise.id}`;
  switch (exercise.state) {
    case "not started":
      return `next: read ${where}/README.md, then run npm test -- ${exercise.slug}`;
    case "started":
    case "broken":
      return `next: npm test -- ${exercise.slug} (${exercise.correctness.total - exercise.correctness.passed} tests to go)`;
    case "correct":
    case "done":
      return existsSync(targets.SOLUTIONS_DIR)
        ? `next: npx kata bench ${exercise.slug} (tests pass; speed earns the last ${Math.round(30 * (1 - exercise.performance))} points)`
        : "next: npx kata next (tests pass; your instructor measures the speed, with the reference this copy does not have)";
  }
}

export async function gradeCommand(exercises: Exercise[], options: GradeCommandOptions): Promise<number> {
  const target = targets.describeTarget(targets.parseTarget(options.target));
  process.stderr.write(
    `grading ${exercises.length} exercise(s), target ${target}${options.hidden ? ", hidden tests included" : ""}\n`,
  );
  const workbook = await gradeExercises(exercises, {
    target: options.target,
    hidden: options.hidden,
    bench: options.bench,
    testTimeLimitMs: options.timeLimit * 1000,
    onProgress: (event) => process.stderr.write(`${progressLine(event)}\n`),
  });
  process.stdout.write(`${renderScorecard(workbook, target)}\n`);
  if (options.target === "exercises") {
    for (const e of workbook.exercises)
      store.recordGrade(e.id, {
        score: e.score,
        allTestsPass: e.crash === undefined && everyTestPasses(e.correctness),
      });
  }
  const next = workbook.exercises.find((e) => e.state !== "done");
  if (next && options.target === "exercises") process.stdout.write(`${nextStep(next)}\n`);
  if (options.format) {
    const out = path.resolve(
      options.out ??
        path.join(
          targets.REPO_ROOT,
          ".kata",
          `report.${options.format === "junit" ? "xml" : options.format === "classroom" ? "classroom.json" : options.format}`,
        ),
    );
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(
      out,
      renderReport(options.format, workbook, { target, hidden: options.hidden, generatedAt: new Date().toISOString() }),
    );
    process.stdout.write(`report written to ${path.relative(process.cwd(), out) || out}\n`);
  }
  return 0;
}
