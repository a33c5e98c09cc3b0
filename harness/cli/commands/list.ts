import Table from "cli-table3";
import { tableStyle } from "../../report/table-style";
import type { Exercise } from "../../catalog/catalog";
import { nextExercise, progressOf, readProgress, statusLabel } from "../../progress/progress";

export function listCommand(catalog: Exercise[]): void {
  const progress = readProgress();
  const table = new Table({
    head: ["#", "exercise", "yours", "title", "kind", "level", "minutes", "after", "skills"],
    style: tableStyle(),
  });
  for (const e of catalog) {
    table.push([
      e.position,
      e.id,
      statusLabel(progressOf(progress, e)),
      e.meta.title,
      e.meta.kind,
      "*".repeat(e.meta.difficulty),
      e.meta.estimatedMinutes,
      e.meta.prerequisites.join(", ") || "-",
      e.meta.skills.join(", "),
    ]);
  }
  process.stdout.write(
    `${table.toString()}\n${catalog.length} exercises built; # is the place in the course (docs/tracks.md has the rest).\n` +
      "Start one: read its README.md, then `npm test -- <slug>`.\n",
  );
  const next = nextExercise(catalog, progress);
  if (next) process.stdout.write(`Next: ${next.exercise.meta.slug} (${next.why}); \`kata next\` says more.\n`);
}

/** `kata next`: the exercise to work on now, why, and how to start. */
export function nextCommand(catalog: Exercise[]): void {
  const next = nextExercise(catalog, readProgress());
  if (!next) {
    process.stdout.write(
      `Every exercise passes its visible tests. \`kata grade --hidden\` grades them all; \`kata bench <slug>\` measures one.\n`,
    );
    return;
  }
  const { exercise, why } = next;
  process.stdout.write(
    `${exercise.id}: ${exercise.meta.title}\n` +
      `why: ${why}\n` +
      `read: exercises/${exercise.id}/README.md\n` +
      `then: npm test -- ${exercise.meta.slug}   (or \`npx kata watch ${exercise.meta.slug}\` to rerun on every save)\n`,
  );
}
