/**
 * `kata index`: writes every generated table from the catalog (see catalog/generated-text.ts). A
 * draft's own README is kept current too (its budget table); the course's tables leave drafts out.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { readCatalog } from "../../catalog/catalog";
import { exerciseReadmeAsGenerated, projectFilesAsGenerated, staleFiles } from "../../catalog/generated-text";
import targets from "../../resolve/targets.cjs";

export function indexCommand(): void {
  const catalog = readCatalog();
  const generated = projectFilesAsGenerated(targets.REPO_ROOT, catalog);
  for (const exercise of [...catalog.exercises, ...catalog.draftExercises]) {
    try {
      generated.push(exerciseReadmeAsGenerated(exercise));
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
  const stale = new Set(staleFiles(generated));
  for (const file of generated.filter((g) => stale.has(g.file))) writeFileSync(file.file, file.content);
  const names = [...stale].map((f) => path.relative(targets.REPO_ROOT, f));
  process.stdout.write(names.length ? `rewrote ${names.join(", ")}\n` : "every generated table is current\n");
}
