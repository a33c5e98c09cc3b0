/**
 * The keys of the gradebook's cache. A result is reused only when both the student's code and
 * what it is graded against are byte for byte the same as when it was made: the exercise's files
 * (stub and given modules, visible and hidden tests, bench, reference, manifest) and the
 * workbook's version. So a re-run after one student resubmits grades that student alone, and an
 * edited test regrades everyone on that exercise.
 */
import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Exercise } from "../catalog/catalog";
import targets from "../resolve/targets.cjs";

/** Bump when what a cached result holds, or how it is produced, changes. */
export const GRADEBOOK_FORMAT = 1;

export function workbookVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(targets.REPO_ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  return `${manifest.version}+gradebook.${GRADEBOOK_FORMAT}`;
}

/** What an exercise's results depend on besides the student's code. */
export function exerciseFingerprint(exercise: Exercise): string {
  const hash = createHash("sha256").update(workbookVersion());
  // Code and manifests only: a README or NOTES edit changes no grade.
  const graded = (file: string): boolean => file.endsWith(".ts") || file.endsWith(".json");
  hashTree(hash, "exercise", exercise.exerciseDir, graded);
  hashTree(hash, "reference", exercise.referenceDir, graded);
  hashTree(hash, "hidden", path.dirname(exercise.hiddenTest), (file) => file === path.basename(exercise.hiddenTest));
  return hash.digest("hex");
}

/** The student's src/ for one exercise: every file's path and bytes. "missing" when there is none. */
export function submissionFingerprint(srcDir: string): string {
  if (!existsSync(srcDir)) return "missing";
  const hash = createHash("sha256");
  hashTree(hash, "src", srcDir);
  return hash.digest("hex");
}

function hashTree(hash: Hash, label: string, root: string, include: (file: string) => boolean = () => true): void {
  for (const file of filesUnder(root).filter(include)) {
    hash.update(`\0${label}/${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
  }
}

/** Every file under `root`, relative and sorted, so the same tree always hashes the same. */
function filesUnder(root: string, prefix = ""): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, prefix)).sort()) {
    const relative = path.join(prefix, name);
    if (name === "node_modules" || name.startsWith(".")) continue;
    if (statSync(path.join(root, relative)).isDirectory()) out.push(...filesUnder(root, relative));
    else out.push(relative.split(path.sep).join("/"));
  }
  return out;
}
