/** The scorecard printed at the end of `kata grade`: one row per exercise, then the workbook. */
import Table from "cli-table3";
import { tableStyle } from "./table-style";
import pc from "picocolors";
import type { ExerciseScore, ExerciseState, WorkbookScore } from "../score/score";

const STATE_COLOR: Record<ExerciseState, (text: string) => string> = {
  "not started": pc.dim,
  started: pc.yellow,
  correct: pc.cyan,
  done: pc.green,
  broken: pc.red,
};

export function performanceCell(exercise: ExerciseScore): string {
  if (exercise.workloads.length === 0) return pc.dim(exercise.performanceNote ?? "-");
  return exercise.workloads
    .map(
      (w) =>
        `${w.error ? pc.red("x") : w.score >= 1 ? pc.green("ok") : pc.yellow("slow")} ${w.ratio.toFixed(2)}/${w.budget}`,
    )
    .join("\n");
}

export function renderScorecard(workbook: WorkbookScore, target: string): string {
  const table = new Table({
    head: ["exercise", "tests", "performance (ratio/budget)", "score", "state"],
    style: tableStyle(),
  });
  for (const e of workbook.exercises) {
    const tests = e.crash ? pc.red("crashed") : `${e.correctness.passed}/${e.correctness.total}`;
    table.push([e.id, tests, performanceCell(e), e.score.toFixed(1), STATE_COLOR[e.state](e.state)]);
  }
  const lines = [table.toString()];
  for (const e of workbook.exercises.filter((x) => x.crash)) lines.push(pc.red(`${e.slug}: ${e.crash}`));
  for (const e of workbook.exercises.filter((x) => x.typeErrors?.length)) {
    const errors = e.typeErrors ?? [];
    lines.push(pc.yellow(`${e.slug}: ${errors.length} type error(s) (not scored), first: ${errors[0]}`));
  }
  for (const e of workbook.exercises) {
    for (const w of e.workloads.filter((x) => x.error)) lines.push(pc.red(`${e.slug} / ${w.name}: ${w.error}`));
  }
  lines.push(`${pc.bold("workbook score")} ${workbook.score.toFixed(1)} / 100  (target: ${target})`);
  lines.push(`skills: ${workbook.skills.map((s) => `${s.skill} ${s.score.toFixed(1)}`).join(" | ")}`);
  return lines.join("\n");
}
