/**
 * Runs one exercise's tests against one target in its own jest process, and reads back what
 * happened to every test. Anything that stops the tests from reporting (a loop, a flood of output,
 * process.exit, a file that does not load) becomes one `crash` sentence a learner can act on.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import targets from "../resolve/targets.cjs";
import type { Exercise } from "../catalog/catalog";
import { NOT_IMPLEMENTED_MARKER } from "../core/not-implemented";
import { runBounded } from "./bounded-process";

export type TestFileKind = "visible" | "hidden";

export interface TestCaseResult {
  file: TestFileKind;
  /** describe blocks and title, joined with " > ". */
  name: string;
  status: "passed" | "failed" | "skipped";
  /** The first lines of the failure message. */
  message?: string;
  /** It failed on a stub's NotImplementedError (looked for in the whole message, not the excerpt). */
  notImplemented?: boolean;
}

export interface TestRunResult {
  cases: TestCaseResult[];
  /** Set when the tests could not all run and report: the reason, in one sentence. */
  crash?: string;
  elapsedMs: number;
}

export interface TestRunOptions {
  /** KATA_TARGET spelling: exercises, solutions, naive, or a folder. */
  target: string;
  includeHidden: boolean;
  timeLimitMs: number;
  outputLimitBytes: number;
  /** Extra environment, such as KATA_SEED. */
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_TEST_LIMITS = { timeLimitMs: 120_000, outputLimitBytes: 2 * 1024 * 1024 } as const;

const JEST_BIN = path.join(targets.REPO_ROOT, "node_modules", "jest", "bin", "jest.js");

interface JestAssertion {
  ancestorTitles: string[];
  title: string;
  status: string;
  failureMessages: string[];
}
interface JestFileResult {
  name: string;
  status: string;
  message: string;
  assertionResults: JestAssertion[];
}
interface JestReport {
  testResults: JestFileResult[];
}

export async function runExerciseTests(exercise: Exercise, options: TestRunOptions): Promise<TestRunResult> {
  const files = options.includeHidden ? [exercise.visibleTest, exercise.hiddenTest] : [exercise.visibleTest];
  const scratch = mkdtempSync(path.join(tmpdir(), "kata-jest-"));
  const reportFile = path.join(scratch, "report.json");
  try {
    const run = await runBounded({
      command: process.execPath,
      args: [
        JEST_BIN,
        "--ci",
        "--json",
        `--outputFile=${reportFile}`,
        // verbose: console output is written as it happens, so a flood meets the output limit
        // at once instead of piling up in jest's buffer until the time limit.
        "--verbose",
        "--runInBand",
        "--runTestsByPath",
        ...files,
      ],
      cwd: targets.REPO_ROOT,
      env: {
        ...process.env,
        ...options.env,
        KATA_TARGET: options.target,
        KATA_SUITE: "graded",
        FORCE_COLOR: "0",
      },
      timeLimitMs: options.timeLimitMs,
      outputLimitBytes: options.outputLimitBytes,
    });
    if (run.reason === "time-limit") {
      return crashed(
        `stopped after ${Math.round(options.timeLimitMs / 1000)} s without finishing: look for an infinite loop or a promise that never settles`,
        run.elapsedMs,
      );
    }
    if (run.reason === "output-limit") {
      return crashed(
        `wrote more than ${Math.round(options.outputLimitBytes / 1024)} KiB of output: remove console.log calls from loops and hot paths`,
        run.elapsedMs,
      );
    }
    const report = readReport(reportFile);
    if (!report) {
      const lastLine = lastMeaningfulLine(run.stderr);
      return crashed(
        `the test process ended (exit code ${run.exitCode ?? run.signal}) before it reported: does the code call process.exit()?` +
          (lastLine ? ` Last output: ${lastLine}` : ""),
        run.elapsedMs,
      );
    }
    return fromReport(report, exercise, run.elapsedMs);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readReport(file: string): JestReport | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as JestReport;
  } catch {
    return undefined;
  }
}

function fromReport(report: JestReport, exercise: Exercise, elapsedMs: number): TestRunResult {
  const cases: TestCaseResult[] = [];
  for (const fileResult of report.testResults) {
    const file: TestFileKind = path.resolve(fileResult.name) === exercise.hiddenTest ? "hidden" : "visible";
    if (fileResult.assertionResults.length === 0 && fileResult.status === "failed") {
      return crashed(`the ${file} test file could not run: ${firstLines(fileResult.message, 3)}`, elapsedMs);
    }
    for (const assertion of fileResult.assertionResults) {
      const status = assertion.status === "passed" ? "passed" : assertion.status === "failed" ? "failed" : "skipped";
      const fullMessage = assertion.failureMessages.join("\n");
      const message = fullMessage.length > 0 ? firstLines(fullMessage, 4) : undefined;
      cases.push({
        file,
        name: [...assertion.ancestorTitles, assertion.title].join(" > "),
        status,
        ...(message ? { message } : {}),
        ...(fullMessage.includes(NOT_IMPLEMENTED_MARKER) ? { notImplemented: true } : {}),
      });
    }
  }
  if (cases.length === 0) return crashed("jest found no tests to run", elapsedMs);
  return { cases, elapsedMs };
}

function crashed(crash: string, elapsedMs: number): TestRunResult {
  return { cases: [], crash, elapsedMs };
}

const ANSI_ESCAPE = /\x1b\[[0-9;]*m/g;

/** The first `count` non-empty lines, without colour codes, jest's bullets or stack frames. */
export function firstLines(text: string, count: number): string {
  return text
    .replace(ANSI_ESCAPE, "")
    .split("\n")
    .map((line) => line.trim().replace(/^●\s*/, ""))
    .filter((line) => line.length > 0 && !line.startsWith("at "))
    .slice(0, count)
    .join(" ");
}

/** What to quote from a process that died: jest's own note of a process.exit, else the last line. */
function lastMeaningfulLine(text: string): string | undefined {
  const lines = text.replace(ANSI_ESCAPE, "").split("\n").map((line) => line.trim().replace(/^●\s*/, "")).filter((line) => line.length > 0);
  const exitNote = lines.find((line) => line.includes("process.exit called with"));
  return (exitNote ?? lines.filter((line) => !line.startsWith("at ")).at(-1))?.slice(0, 200);
}
