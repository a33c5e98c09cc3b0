/**
 * `kata hint <slug>`: the next hint of hints.md (sections headed `## Hint 1`, `## Hint 2`, ...,
 * least revealing first). How many a learner has seen is kept in .kata/hints.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import targets from "../../resolve/targets.cjs";
import type { Exercise } from "../../catalog/catalog";
import { UsageError } from "../errors";

const STATE_FILE = path.join(targets.REPO_ROOT, ".kata", "hints.json");

export function splitHints(markdown: string): string[] {
  return markdown
    .split(/^## Hint \d+.*$/m)
    .slice(1)
    .map((hint) => hint.trim())
    .filter((hint) => hint.length > 0);
}

export function hintCommand(exercise: Exercise, options: { all: boolean; reset: boolean }): void {
  if (!existsSync(exercise.hints)) throw new UsageError(`${exercise.id} has no hints.md`);
  const hints = splitHints(readFileSync(exercise.hints, "utf8"));
  const seen = readSeen();
  if (options.reset) seen[exercise.id] = 0;
  const shown = options.all ? hints.length : Math.min(hints.length, (seen[exercise.id] ?? 0) + 1);
  seen[exercise.id] = shown;
  mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(seen, null, 2));
  hints.slice(0, shown).forEach((hint, i) => process.stdout.write(`Hint ${i + 1} of ${hints.length}\n${hint}\n\n`));
  if (shown < hints.length) process.stdout.write(`Run \`kata hint ${exercise.meta.slug}\` again for the next one.\n`);
}

function readSeen(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(STATE_FILE, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}
