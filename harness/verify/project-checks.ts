/**
 * The checks of the project as a whole, each a job verify runs beside the others: the type
 * checker, the linter, the harness's own tests, and the generated indexes.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { readCatalog } from "../catalog/catalog";
import { projectFilesAsGenerated, staleFiles } from "../catalog/generated-text";
import targets from "../resolve/targets.cjs";
import { runBounded } from "../run/bounded-process";
import { runTestFiles } from "../run/run-tests";
import { ESLINT_BIN, PRETTIER_BIN, TSC_BIN } from "../run/tools";
import type { Check } from "./exercise-checks";

const root = targets.REPO_ROOT;

async function typeCheck(): Promise<Check[]> {
  const run = await runBounded({
    command: process.execPath,
    args: [TSC_BIN, "--noEmit", "-p", "tsconfig.json"],
    cwd: root,
    timeLimitMs: 300_000,
    outputLimitBytes: 1 << 20,
  });
  const errors = run.stdout.split("\n").filter((line) => line.includes("error TS"));
  return [
    {
      name: "typescript compiles (tsc --noEmit, strict)",
      ok: run.exitCode === 0,
      detail: errors.slice(0, 5).join(" | "),
    },
  ];
}

async function lint(): Promise<Check[]> {
  if (!existsSync(ESLINT_BIN) || !existsSync(PRETTIER_BIN))
    return [{ name: "lint is clean", ok: false, detail: "eslint or prettier is not installed: run npm ci" }];
  const limits = { cwd: root, timeLimitMs: 300_000, outputLimitBytes: 4 << 20 };
  const eslint = await runBounded({
    command: process.execPath,
    args: [ESLINT_BIN, "--max-warnings=0", "."],
    ...limits,
  });
  const problems = eslint.stdout
    .split("\n")
    .filter((line) => /^\s+\d+:\d+\s+(error|warning)/.test(line) || line.startsWith("/"));
  const prettier = await runBounded({ command: process.execPath, args: [PRETTIER_BIN, "--check", "."], ...limits });
  const unformatted = prettier.stderr
    .split("\n")
    .filter((line) => line.startsWith("[warn] ") && !line.includes("Code style issues"));
  return [
    {
      name: "lint is clean (eslint: typescript-eslint strict and stylistic)",
      ok: eslint.exitCode === 0,
      detail: problems.slice(0, 8).join(" | "),
    },
    {
      name: "formatting is prettier's (npm run format fixes it)",
      ok: prettier.exitCode === 0,
      detail: unformatted.slice(0, 8).join(" | "),
    },
  ];
}

async function harnessTests(): Promise<Check[]> {
  const harness = path.join(root, "harness");
  const files = readdirSync(harness, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".test.ts") && !f.includes("fixtures"))
    .map((f) => path.join(harness, f));
  const run = await runTestFiles(files, {
    target: "exercises",
    timeLimitMs: 900_000,
    outputLimitBytes: 16 << 20,
    // The harness tests run learners' commands; the developer's own progress file stays out of it.
    env: { KATA_SUITE: "harness", KATA_PROGRESS: "off", KATA_PICTURES: "off" },
  });
  if (run.crash !== undefined) return [{ name: "harness tests ran", ok: false, detail: run.crash }];
  const checks: Check[] = [];
  for (const [file, result] of run.files) {
    if (result.error !== undefined)
      checks.push({ name: `harness: ${path.relative(root, file)} runs`, ok: false, detail: result.error });
    for (const c of result.cases)
      checks.push({ name: `harness: ${c.name}`, ok: c.status === "passed", detail: c.message?.slice(0, 300) ?? "" });
  }
  return checks;
}

function generatedIndexes(): Promise<Check[]> {
  let detail = "";
  try {
    const stale = staleFiles(projectFilesAsGenerated(root, readCatalog()));
    detail =
      stale.length > 0 ? `stale: ${stale.map((f) => path.relative(root, f)).join(", ")}; run npx kata index` : "";
  } catch (error) {
    detail = error instanceof Error ? error.message : String(error);
  }
  return Promise.resolve([
    { name: "README.md's exercise table and docs/tracks.md are generated and current", ok: detail === "", detail },
  ]);
}

/** One piece of verify's work that can run beside others, named for the timing report. */
export interface VerifyJob {
  label: string;
  run: () => Promise<Check[]>;
}

/** The jobs, longest first. */
export function projectChecks(): VerifyJob[] {
  return [
    { label: "harness tests", run: harnessTests },
    { label: "type check", run: typeCheck },
    { label: "lint and format", run: lint },
    { label: "generated indexes", run: generatedIndexes },
  ];
}
