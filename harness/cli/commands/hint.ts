/**
 * `kata hint <slug>`: the next hint of hints.md (sections headed `## Hint 1`, `## Hint 2`, ...,
 * least revealing first). How many a learner has seen is kept with their progress.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Exercise } from "../../catalog/catalog";
import store from "../../progress/progress-store.cjs";
import { progressOf, readProgress } from "../../progress/progress";
import { UsageError } from "../errors";

export function splitHints(markdown: string): string[] {
  return markdown
    .split(/^## Hint \d+.*$/m)
    .slice(1)
    .map((hint) => hint.trim())
    .filter((hint) => hint.length > 0);
}

/** Takes the next hint (or all, or starts again) and records it: the hints now shown, and how many there are. */
export function takeHints(
  exercise: Exercise,
  options: { all: boolean; reset: boolean },
): { shown: string[]; total: number } {
  if (!existsSync(exercise.hints)) throw new UsageError(`${exercise.id} has no hints.md`);
  const hints = splitHints(readFileSync(exercise.hints, "utf8"));
  const seen = options.reset ? 0 : (progressOf(readProgress(), exercise).hintsTaken ?? 0);
  const shown = options.all ? hints.length : Math.min(hints.length, seen + 1);
  store.recordHints(exercise.id, shown);
  return { shown: hints.slice(0, shown), total: hints.length };
}

export function hintCommand(exercise: Exercise, options: { all: boolean; reset: boolean }): void {
  const { shown, total } = takeHints(exercise, options);
  shown.forEach((hint, i) => process.stdout.write(`Hint ${i + 1} of ${total}\n${hint}\n\n`));
  if (shown.length < total) process.stdout.write(`Run \`kata hint ${exercise.meta.slug}\` again for the next one.\n`);
}
