/**
 * `npm run mutation [slug...]`: StrykerJS against each exercise's reference, with its visible and
 * hidden tests under jest (target: solutions) and the TypeScript checker, then the record in
 * solutions/<track>/<slug>/mutation.json. Incremental: Stryker's own incremental file (kept in
 * .kata/, not committed) lets a rerun test only the mutants whose code or tests changed.
 *
 * Slow by nature (every mutant is a test run), so verify does not run it; verify checks that each
 * record is current and reaches the goal.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { MutantResult, PartialStrykerOptions } from "@stryker-mutator/api/core";
import { loadCatalog, loadDrafts, selectExercises, type Exercise } from "../catalog/catalog";
import targets from "../resolve/targets.cjs";
import {
  readMutationRecord,
  recordFile,
  referenceHash,
  sameMutant,
  type MutantRef,
  type MutationRecord,
} from "./mutation-record";

const root = targets.REPO_ROOT;
const rel = (file: string): string => path.relative(root, file).split(path.sep).join("/");

/**
 * The TypeScript checker compiles from the project's folder, not the sandbox, so it is given a
 * tsconfig that includes the harness and this exercise alone: another exercise half-written in
 * the same checkout must not stop this run at its dry run. Regenerated per run, git-ignored.
 */
function checkerTsconfig(exercise: Exercise): string {
  const file = "tsconfig.mutation.json";
  const config = {
    extends: "./tsconfig.json",
    include: ["harness", rel(exercise.exerciseDir), rel(exercise.solutionDir), "jest.config.ts"],
  };
  writeFileSync(path.join(root, file), `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

function strykerOptions(exercise: Exercise): PartialStrykerOptions {
  const work = path.join(root, ".kata", "mutation");
  mkdirSync(work, { recursive: true });
  return {
    mutate: [`${rel(exercise.referenceDir)}/**/*.ts`],
    testRunner: "jest",
    jest: {
      configFile: "jest.config.ts",
      // Only this exercise's tests: the visible ones and the hidden ones.
      config: { testMatch: [`<rootDir>/${rel(exercise.visibleTest)}`, `<rootDir>/${rel(exercise.hiddenTest)}`] },
      enableFindRelatedTests: false,
    },
    // The sandbox holds this exercise alone: the type checker compiles the whole sandbox, so another
    // exercise half-written in the same checkout would otherwise stop this run at its dry run.
    ignorePatterns: [
      "/exercises/*/*",
      `!/${rel(exercise.exerciseDir)}`,
      "/solutions/*/*",
      `!/${rel(exercise.solutionDir)}`,
      "/.kata",
    ],
    checkers: ["typescript"],
    tsconfigFile: checkerTsconfig(exercise),
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: "perTest",
    concurrency: Number(process.env.KATA_MUTATION_CONCURRENCY ?? 2),
    incremental: true,
    incrementalFile: path.join(work, `${exercise.meta.slug}.incremental.json`),
    reporters: ["clear-text"],
    clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
    // One temp folder per exercise: a run that cleans up after itself must not remove another's sandbox.
    tempDirName: path.join(".kata", "stryker-tmp", exercise.meta.slug),
    cleanTempDir: true,
    timeoutMS: 10_000,
    logLevel: "warn" as PartialStrykerOptions["logLevel"],
  };
}

function toRef(result: MutantResult): MutantRef {
  return {
    file: rel(path.resolve(root, result.fileName)),
    line: result.location.start.line,
    mutator: result.mutatorName,
    replacement: result.replacement,
  };
}

export function recordOf(
  exercise: Exercise,
  results: MutantResult[],
  previous: MutationRecord | undefined,
  version: string,
): MutationRecord {
  const count = (status: string): number => results.filter((r) => r.status === status).length;
  const survivors = results.filter((r) => r.status === "Survived" || r.status === "NoCoverage").map(toRef);
  const equivalent = (previous?.equivalent ?? []).filter((e) => survivors.some((s) => sameMutant(s, e)));
  const killed = count("Killed");
  const timedOut = count("Timeout");
  const valid = killed + timedOut + count("Survived") + count("NoCoverage");
  const denominator = valid - equivalent.length;
  return {
    referenceHash: referenceHash(exercise),
    measuredAt: new Date().toISOString(),
    stryker: version,
    killed,
    timedOut,
    survived: count("Survived"),
    noCoverage: count("NoCoverage"),
    score: denominator === 0 ? 1 : Math.round(((killed + timedOut) / denominator) * 1000) / 1000,
    survivors,
    equivalent,
  };
}

async function main(names: string[]): Promise<void> {
  const { Stryker } = await import("@stryker-mutator/core");
  const manifest = JSON.parse(
    readFileSync(path.join(root, "node_modules", "@stryker-mutator", "core", "package.json"), "utf8"),
  ) as { version: string };
  const version = manifest.version;
  process.env.KATA_TARGET = "solutions";
  process.env.KATA_SUITE = "graded";
  process.env.KATA_PICTURES = "off"; // mutants fail simulated tests by the thousand
  for (const exercise of selectExercises(loadCatalog(), names, loadDrafts())) {
    const started = Date.now();
    process.stderr.write(`mutation testing ${exercise.id}...\n`);
    const results = await new Stryker(strykerOptions(exercise)).runMutationTest();
    const record = recordOf(exercise, results, readMutationRecord(exercise), version);
    writeFileSync(recordFile(exercise), `${JSON.stringify(record, null, 2)}\n`);
    const minutes = ((Date.now() - started) / 60_000).toFixed(1);
    process.stdout.write(
      `${exercise.id}: mutation score ${(record.score * 100).toFixed(1)}% (${record.killed} killed, ${record.timedOut} timed out, ${record.survived} survived, ${record.noCoverage} not covered, ${record.equivalent.length} equivalent) in ${minutes} min\n`,
    );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`mutation testing failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
