/**
 * `kata export <dir>`: the student copy. The workbook without what grading keeps from students:
 * solutions/ (references, hidden tests, naive and wrong designs, design notes, interview answers),
 * the harness's own tests, CI and the mutation records. What remains runs as it does here:
 * `npm test -- <slug>`, kata list/test/hint/grade/watch/interview; kata bench and the performance
 * share of kata grade say that performance is graded by the instructor (no reference to compare
 * with), and kata reveal says the notes are not in this copy. With `--classroom`, the GitHub
 * Classroom workflow of docs/classroom.md is added, so the copy can be pushed as a template.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../cli/errors";
import targets from "../resolve/targets.cjs";

/** Paths (relative to the root, "/"-separated) a student copy leaves out, and why. */
const LEFT_OUT: readonly (readonly [RegExp, string])[] = [
  [/^solutions(\/|$)/, "references, hidden tests, variants, notes and interview answers"],
  [/^harness\/test(\/|$)/, "the harness's own tests, which use the references"],
  [/^\.ci(\/|$)/, "the workbook's CI"],
  [/^(node_modules|\.git|\.kata)(\/|$)/, "installed, version-control or personal state"],
  [/^tsconfig\.mutation\.json$/, "a mutation run's scratch file"],
  [/^docs\/mutation\.md$/, "the mutation records of the references"],
];

/**
 * Scripts that need solutions/ or harness/test/: verify, mutation testing and the checker's
 * measurement are the workbook's own.
 */
const AUTHOR_SCRIPTS = ["verify", "mutation", "measure:linearizability", "measure:gradebook"];

export const STUDENT_NOTE = [
  "> **Student copy.** The reference solutions, hidden tests and design notes are kept by your",
  "> instructor. `npm test -- <slug>`, `npx kata watch` and `npx kata grade` work as described",
  "> below; performance is measured against the reference, so your instructor grades it, and",
  '> `kata grade` here scores the tests alone (its performance column says "graded by your',
  "> instructor\"). `npm run verify` is the authors' check of the workbook and is not in this copy.",
  "",
].join("\n");

export interface ExportResult {
  /** Files written, relative to the copy's root. */
  files: string[];
}

function leftOut(rel: string): boolean {
  return LEFT_OUT.some(([pattern]) => pattern.test(rel));
}

function filesUnder(root: string, dir = ""): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (leftOut(rel)) return [];
    if (entry.isDirectory()) return filesUnder(root, rel);
    return entry.isFile() ? [rel] : [];
  });
}

/** The classroom workflow, taken from docs/classroom.md so that the two never differ. */
export function classroomWorkflow(root: string): string {
  const doc = readFileSync(path.join(root, "docs", "classroom.md"), "utf8");
  const match = /```yaml\n([\s\S]*?)```/.exec(doc);
  if (!match?.[1]) throw new Error("docs/classroom.md has no ```yaml block with the workflow");
  return match[1];
}

export function exportStudentCopy(destination: string, options: { classroom: boolean }): ExportResult {
  const root = targets.REPO_ROOT;
  const out = path.resolve(destination);
  if (out === root || out.startsWith(`${root}${path.sep}`))
    throw new UsageError(`${out} is inside the workbook: export to a folder outside it, such as ../student-copy`);
  if (existsSync(out) && readdirSync(out).length > 0)
    throw new UsageError(`${out} is not empty: export to a new or empty folder`);
  const files = filesUnder(root);
  for (const rel of files) {
    const target = path.join(out, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(root, rel), target);
  }
  // package.json: the same dependencies (package-lock.json stays valid for npm ci), no author scripts.
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  for (const script of AUTHOR_SCRIPTS) delete manifest.scripts?.[script];
  writeFileSync(path.join(out, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const heading = readme.indexOf("\n") + 1;
  writeFileSync(path.join(out, "README.md"), `${readme.slice(0, heading)}\n${STUDENT_NOTE}${readme.slice(heading)}`);
  if (options.classroom) {
    const workflow = path.join(".github", "workflows", "classroom.yml");
    mkdirSync(path.join(out, path.dirname(workflow)), { recursive: true });
    writeFileSync(path.join(out, workflow), classroomWorkflow(root));
    files.push(workflow.split(path.sep).join("/"));
  }
  return { files };
}
