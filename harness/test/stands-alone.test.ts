/**
 * The repository stands alone: a person who clones it has nothing beside it, so no tracked file
 * may point at the team's planning documents or the source guides by their internal names.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import targets from "../resolve/targets.cjs";

/** What would send a reader to a file they do not have. */
const OUTSIDE = [
  { pattern: /\.\.\/shared\b/, what: "a path to the planning folder beside the repository" },
  { pattern: /\b(DESIGN|PEERS|CATALOG|STYLE)\.md\b/, what: "a planning document by name" },
  { pattern: /\bseeds\/\d{3}_/, what: "a source guide's file" },
  {
    pattern: /\bseed [A-E]\b|\bseeds? [A-E](?:,| and| or)|\(seed [A-E]/,
    what: "a source guide by its internal letter",
  },
];

/** Files git tracks or would track (untracked but not ignored), except this test. */
function repositoryFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: targets.REPO_ROOT,
    encoding: "utf8",
  });
  return out
    .split("\n")
    .filter((f) => f.length > 0 && f !== "harness/test/stands-alone.test.ts" && !f.endsWith("package-lock.json"))
    .filter((f) => /\.(ts|cjs|mjs|js|json|md)$/.test(f) || f === ".ci/run");
}

test("no file points outside the repository", () => {
  const found: string[] = [];
  for (const file of repositoryFiles()) {
    let text: string;
    try {
      text = readFileSync(path.join(targets.REPO_ROOT, file), "utf8");
    } catch {
      continue; // deleted in the working tree
    }
    text.split("\n").forEach((line, i) => {
      for (const { pattern, what } of OUTSIDE)
        if (pattern.test(line)) found.push(`${file}:${i + 1} has ${what}: ${line.trim().slice(0, 100)}`);
    });
  }
  expect(found).toEqual([]);
});
