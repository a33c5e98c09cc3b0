/** `kata reveal <slug>`: the reference's design notes and where its code is. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import targets from "../../resolve/targets.cjs";
import type { Exercise } from "../../catalog/catalog";
import { UsageError } from "../errors";

export function revealCommand(exercise: Exercise): void {
  if (!existsSync(targets.SOLUTIONS_DIR))
    throw new UsageError(
      `the reference's notes are not in this copy: your instructor keeps solutions/ (ask for the notes of ${exercise.meta.slug} once it is graded)`,
    );
  if (!existsSync(exercise.notes)) throw new UsageError(`${exercise.id} has no solution notes yet (${exercise.notes})`);
  process.stdout.write(`${readFileSync(exercise.notes, "utf8")}\n`);
  const files = readdirSync(exercise.referenceDir).filter((f) => f.endsWith(".ts"));
  process.stdout.write(
    `The reference: ${files.map((f) => path.relative(targets.REPO_ROOT, path.join(exercise.referenceDir, f))).join(", ")}\n`,
  );
}
