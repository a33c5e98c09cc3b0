/**
 * `npm run verify`: the project's own tests, the maintainers' check that every exercise is what
 * DESIGN.md's definition of done says.
 *   - the TypeScript compiles under strict mode (tsc --noEmit);
 *   - the harness's own tests pass;
 *   - per exercise: exercise.json validates, every part of the anatomy is there, the stub fails
 *     every visible test with the not-implemented message (and the suite does not crash), the
 *     reference passes visible and hidden tests, naive.ts passes them too, the reference meets
 *     every budget with margin and naive.ts misses at least one.
 * Ends with the line `verify: N passed, N failed`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import targets from "../resolve/targets.cjs";
import { readCatalog, type Exercise } from "../catalog/catalog";
import { runBench } from "../bench/run-bench";
import { runBounded } from "../run/bounded-process";
import { runExerciseTests, type TestRunResult } from "../run/run-tests";
import { checkReadme } from "./readme-sections";

/** The reference, measured against itself, must clear each budget by this factor: room for noise. */
export const REFERENCE_MARGIN = 1.25;

interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

const results: CheckResult[] = [];

function record(name: string, ok: boolean, detail: string): void {
  results.push({ name, ok, detail });
  const mark = ok ? pc.green("PASS") : pc.red("FAIL");
  process.stdout.write(`${mark} ${name}${detail ? pc.dim(` - ${detail}`) : ""}\n`);
}

const JEST = path.join(targets.REPO_ROOT, "node_modules", "jest", "bin", "jest.js");
const TSC = path.join(targets.REPO_ROOT, "node_modules", "typescript", "bin", "tsc");

async function checkTypes(): Promise<void> {
  const run = await runBounded({ command: process.execPath, args: [TSC, "--noEmit", "-p", "tsconfig.json"], cwd: targets.REPO_ROOT, timeLimitMs: 300_000, outputLimitBytes: 1 << 20 });
  const errors = run.stdout.split("\n").filter((line) => line.includes("error TS"));
  record("typescript compiles (tsc --noEmit, strict)", run.exitCode === 0, errors.slice(0, 5).join(" | "));
}

interface JestJson {
  testResults: Array<{ name: string; message: string; assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }> }>;
}

async function checkHarness(): Promise<void> {
  const out = path.join(targets.REPO_ROOT, "node_modules", ".cache", "kata-harness-tests.json");
  const run = await runBounded({
    command: process.execPath,
    args: [JEST, "--ci", "--json", `--outputFile=${out}`],
    cwd: targets.REPO_ROOT,
    env: { ...process.env, KATA_SUITE: "harness", KATA_TARGET: "exercises", FORCE_COLOR: "0" },
    timeLimitMs: 900_000,
    outputLimitBytes: 16 << 20,
  });
  let report: JestJson;
  try {
    report = JSON.parse(readFileSync(out, "utf8")) as JestJson;
  } catch {
    record("harness tests ran", false, `jest did not report (${run.reason}, exit ${run.exitCode}): ${run.stderr.slice(-400)}`);
    return;
  }
  for (const file of report.testResults) {
    const rel = path.relative(targets.REPO_ROOT, file.name);
    if (file.assertionResults.length === 0) record(`harness: ${rel} runs`, false, file.message.split("\n").slice(0, 3).join(" "));
    for (const test of file.assertionResults) {
      record(`harness: ${test.fullName}`, test.status === "passed", test.failureMessages.join(" ").split("\n")[0]?.slice(0, 300) ?? "");
    }
  }
}

function loadExercisesForVerify(): Exercise[] {
  const catalog = readCatalog();
  for (const problem of catalog.problems) record(`${problem.where}: the catalog agrees`, false, problem.message);
  for (const exercise of catalog.exercises) record(`${exercise.id}: exercise.json validates`, true, "");
  return catalog.exercises;
}

function checkAnatomy(exercise: Exercise): void {
  const parts = [exercise.readme, exercise.hints, exercise.benchFile, exercise.visibleTest, exercise.hiddenTest, exercise.notes, exercise.naiveDir];
  const missing = parts.filter((file) => !existsSync(file)).map((file) => path.relative(targets.REPO_ROOT, file));
  record(`${exercise.id}: every part of the anatomy is there`, missing.length === 0, missing.length ? `missing ${missing.join(", ")}` : "");
  if (existsSync(exercise.readme)) {
    const absent = checkReadme(readFileSync(exercise.readme, "utf8"));
    record(`${exercise.id}: README has every section`, absent.length === 0, absent.length ? `missing sections: ${absent.join(", ")}` : "");
  }
}

function summary(run: TestRunResult): string {
  const failed = run.cases.filter((c) => c.status !== "passed");
  return `${run.cases.length - failed.length}/${run.cases.length} pass${failed[0] ? `; first failure: ${failed[0].name}: ${failed[0].message ?? ""}` : ""}`.slice(0, 400);
}

async function checkTests(exercise: Exercise): Promise<void> {
  const limits = { timeLimitMs: 300_000, outputLimitBytes: 8 << 20 };
  const stub = await runExerciseTests(exercise, { target: "exercises", includeHidden: false, ...limits });
  const stubPassing = stub.cases.filter((c) => c.status === "passed").map((c) => c.name);
  const stubUntaught = stub.cases.filter((c) => c.status === "failed" && c.notImplemented !== true).map((c) => c.name);
  record(
    `${exercise.id}: the stub fails every visible test with the not-implemented message`,
    stub.crash === undefined && stub.cases.length > 0 && stubPassing.length === 0 && stubUntaught.length === 0,
    stub.crash ??
      (stubPassing.length ? `passes against the stub: ${stubPassing.join("; ")}` : stubUntaught.length ? `fails without the message: ${stubUntaught.join("; ")}` : `${stub.cases.length} tests fail`),
  );
  for (const target of ["solutions", "naive"] as const) {
    const run = await runExerciseTests(exercise, { target, includeHidden: true, ...limits });
    const ok = run.crash === undefined && run.cases.length > 0 && run.cases.every((c) => c.status === "passed");
    const hidden = run.cases.filter((c) => c.file === "hidden").length;
    record(`${exercise.id}: ${target === "solutions" ? "the reference" : "naive.ts"} passes visible and hidden tests`, ok && hidden > 0, run.crash ?? `${summary(run)}${hidden === 0 ? "; no hidden tests ran" : ""}`);
  }
}

async function checkBudgets(exercise: Exercise): Promise<void> {
  const reference = await runBench(exercise, { target: "solutions", timeLimitMs: 600_000 });
  for (const w of reference.workloads) {
    const budget = exercise.meta.budgets[w.name] ?? Number.NaN;
    const ok = w.error === undefined && w.ratio >= budget * REFERENCE_MARGIN;
    record(`${exercise.id}: the reference meets "${w.name}" with margin`, ok, w.error ?? `ratio ${w.ratio.toFixed(3)} vs budget ${budget} (x${REFERENCE_MARGIN} margin): ${w.detail}`);
  }
  const naive = await runBench(exercise, { target: "naive", timeLimitMs: 600_000 });
  const missed = naive.workloads.filter((w) => w.error === undefined && w.ratio < (exercise.meta.budgets[w.name] ?? 0));
  const broken = naive.workloads.filter((w) => w.error !== undefined);
  record(
    `${exercise.id}: naive.ts misses its budget`,
    missed.length > 0 && broken.length === 0,
    broken.length
      ? `naive could not be measured: ${broken.map((w) => w.error).join("; ")}`
      : naive.workloads.map((w) => `${w.name}: ratio ${w.ratio.toFixed(3)} vs budget ${exercise.meta.budgets[w.name]}`).join("; "),
  );
}

export async function verifyCommand(options: { skipBench: boolean }): Promise<number> {
  const started = Date.now();
  await checkTypes();
  await checkHarness();
  const exercises = loadExercisesForVerify();
  for (const exercise of exercises) {
    checkAnatomy(exercise);
    await checkTests(exercise);
    if (!options.skipBench) await checkBudgets(exercise);
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  for (const r of results.filter((x) => !x.ok)) process.stdout.write(`${pc.red("failed:")} ${r.name}: ${r.detail}\n`);
  process.stdout.write(`verify took ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  process.stdout.write(`verify: ${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}
