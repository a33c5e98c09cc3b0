/** `kata new <track>/<slug>`: the scaffold, then the regenerated indexes. */
import { newExercise } from "../../scaffold/new-exercise";
import targets from "../../resolve/targets.cjs";
import { indexCommand } from "./index";

export function newCommand(id: string, kind: string | undefined): void {
  const result = newExercise(targets.REPO_ROOT, id, kind);
  for (const file of result.files) process.stdout.write(`wrote ${file}\n`);
  indexCommand();
  for (const note of result.notes) process.stdout.write(`${note}\n`);
}
