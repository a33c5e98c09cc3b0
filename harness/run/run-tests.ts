/**
 * Runs test files against one target in a jest process of their own, and reads back what happened
 * to every test. Anything that stops the tests from reporting (a loop, a flood of output,
 * process.exit, a file that does not load) becomes one `crash` sentence a learner can act on.
 *
 * Grading runs one exercise per process: a learner's code must cost only its own exercise. Verify
 * runs many exercises' files in one process, where the code is the workbook's own and jest's
 * start-up is the cost worth sharing (runTestFiles).
 */
import path from "node:path";
import type { Exercise } from "../catalog/catalog";
import { NOT_IMPLEMENTED_MARKER } from "../core/not-implemented";
import targets from "../resolve/targets.cjs";
import { describeForbidden, scanSubmission } from "../grade/submission-scan";
import { runBoundedForJson } from "./bounded-process";
import { JEST_BIN } from "./tools";

export type TestFileKind = "visible" | "hidden";

export interface TestCaseResult {
  file: TestFileKind;
  /** describe blocks and title, joined with " > ". */
  name: string;
  status: "passed" | "failed" | "skipped";
  /** The first lines of the failure message. */
  message?: string;
  /** The whole failure message, for checks that look for a phrase anywhere in it. */
  fullMessage?: string;
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
  /** KATA_TARGET spelling: exercises, solutions, naive, wrong:<variant>, or a folder. */
  target: string;
  includeHidden: boolean;
  timeLimitMs: number;
  outputLimitBytes: number;
  /** Extra environment, such as KATA_SEED. */
  env?: NodeJS.ProcessEnv;
  /** The test process's JavaScript heap limit in MB (Node's --max-old-space-size); Node's own otherwise. */
  memoryLimitMb?: number;
  /** Said after the time limit in a crash sentence: where the limit came from. */
  timeLimitReason?: string;
}

export const DEFAULT_TEST_LIMITS = { timeLimitMs: 120_000, outputLimitBytes: 2 * 1024 * 1024 } as const;

export interface JestAssertion {
  ancestorTitles: string[];
  title: string;
  status: string;
  failureMessages: string[];
}
export interface JestFileResult {
  name: string;
  status: string;
  message: string;
  assertionResults: JestAssertion[];
}
export interface JestReport {
  testResults: JestFileResult[];
}

/** What jest said of one test file. */
export interface FileRun {
  cases: Omit<TestCaseResult, "file">[];
  /** The file could not run at all (a load error): jest's first lines. */
  error?: string;
}

export interface FilesRun {
  files: Map<string, FileRun>;
  crash?: string;
  elapsedMs: number;
}

export interface FilesRunOptions {
  target: string;
  timeLimitMs: number;
  outputLimitBytes: number;
  env?: NodeJS.ProcessEnv;
  /** jest workers; 1 runs in band (one process, nothing to coordinate). */
  workers?: number;
  /** A test environment module in place of jest's node one (verify's stop-when-caught). */
  testEnvironment?: string;
  memoryLimitMb?: number;
  timeLimitReason?: string;
}

/** Runs `files` in one jest process against one target. */
export async function runTestFiles(files: string[], options: FilesRunOptions): Promise<FilesRun> {
  const workers = options.workers ?? 1;
  const { run, report } = await runBoundedForJson<JestReport>({
    command: process.execPath,
    args: (reportFile) => [
      JEST_BIN,
      "--ci",
      "--json",
      `--outputFile=${reportFile}`,
      // verbose: console output is written as it happens, so a flood meets the output limit
      // at once instead of piling up in jest's buffer until the time limit.
      "--verbose",
      ...(workers > 1 ? [`--maxWorkers=${workers}`] : ["--runInBand"]),
      ...(options.testEnvironment ? [`--testEnvironment=${options.testEnvironment}`] : []),
      "--runTestsByPath",
      ...files,
    ],
    cwd: targets.REPO_ROOT,
    env: {
      ...process.env,
      KATA_SUITE: "graded",
      ...options.env,
      KATA_TARGET: options.target,
      FORCE_COLOR: "0",
      ...(options.memoryLimitMb !== undefined ? { NODE_OPTIONS: withHeapLimit(options.memoryLimitMb) } : {}),
    },
    timeLimitMs: options.timeLimitMs,
    outputLimitBytes: options.outputLimitBytes,
  });
  const elapsedMs = run.elapsedMs;
  if (run.reason === "time-limit") {
    return {
      files: new Map(),
      elapsedMs,
      crash: `stopped after ${Math.round(options.timeLimitMs / 1000)} s without finishing${options.timeLimitReason ? ` (${options.timeLimitReason})` : ""}: look for an infinite loop or a promise that never settles`,
    };
  }
  if (run.reason === "output-limit") {
    return {
      files: new Map(),
      elapsedMs,
      crash: `wrote more than ${Math.round(options.outputLimitBytes / 1024)} KiB of output: remove console.log calls from loops and hot paths`,
    };
  }
  if (!report && ranOutOfMemory(run.stderr)) {
    return {
      files: new Map(),
      elapsedMs,
      crash:
        `ran out of memory: the JavaScript heap reached its ${options.memoryLimitMb !== undefined ? `${options.memoryLimitMb} MB limit` : "limit"}` +
        " and Node stopped: look for a structure that grows without bound (a cache with no eviction, a queue never drained, a loop that keeps allocating)",
    };
  }
  if (!report) {
    const lastLine = lastMeaningfulLine(run.stderr);
    return {
      files: new Map(),
      elapsedMs,
      crash:
        `the test process ended (${describeExit(run.exitCode, run.signal)}) before it reported: does the code call process.exit()?` +
        (lastLine ? ` Last output: ${lastLine}` : ""),
    };
  }
  return filesRunOf(report, elapsedMs);
}

/** What jest's JSON report (--json, or the warm runner's copy of it) says of each file. */
export function filesRunOf(report: JestReport, elapsedMs: number): FilesRun {
  const results = new Map<string, FileRun>();
  for (const fileResult of report.testResults) {
    const cases = fileResult.assertionResults.map((assertion) => {
      const status = assertion.status === "passed" ? "passed" : assertion.status === "failed" ? "failed" : "skipped";
      const fullMessage = assertion.failureMessages.join("\n");
      return {
        name: [...assertion.ancestorTitles, assertion.title].join(" > "),
        status,
        ...(fullMessage.length > 0 ? { message: firstLines(fullMessage, 4), fullMessage } : {}),
        ...(fullMessage.includes(NOT_IMPLEMENTED_MARKER) ? { notImplemented: true } : {}),
      } as const;
    });
    const loadFailed = cases.length === 0 && fileResult.status === "failed";
    results.set(
      path.resolve(fileResult.name),
      loadFailed ? { cases, error: firstLines(fileResult.message, 3) } : { cases },
    );
  }
  return { files: results, elapsedMs };
}

/** One exercise's tests, visible (and hidden), against one target, in a process of their own. */
export async function runExerciseTests(exercise: Exercise, options: TestRunOptions): Promise<TestRunResult> {
  const target = targets.parseTarget(options.target);
  if (target.kind === "dir") {
    // Someone else's code, run inside the workbook where the references are on disk: fenced first.
    const forbidden = scanSubmission(exercise, path.join(target.dir, exercise.meta.track, exercise.meta.slug, "src"));
    if (forbidden.length > 0) return { cases: [], crash: describeForbidden(exercise, forbidden), elapsedMs: 0 };
  }
  const files = options.includeHidden ? [exercise.visibleTest, exercise.hiddenTest] : [exercise.visibleTest];
  const run = await runTestFiles(files, options);
  return exerciseResult(exercise, run, options.includeHidden);
}

/** One exercise's share of a run of many files: its cases, or the sentence that says why there are none. */
export function exerciseResult(exercise: Exercise, run: FilesRun, includeHidden: boolean): TestRunResult {
  if (run.crash !== undefined) return { cases: [], crash: run.crash, elapsedMs: run.elapsedMs };
  const cases: TestCaseResult[] = [];
  const files: [TestFileKind, string][] = [["visible", exercise.visibleTest]];
  if (includeHidden) files.push(["hidden", exercise.hiddenTest]);
  for (const [kind, file] of files) {
    const result = run.files.get(path.resolve(file));
    if (result?.error !== undefined)
      return { cases: [], crash: `the ${kind} test file could not run: ${result.error}`, elapsedMs: run.elapsedMs };
    for (const c of result?.cases ?? []) cases.push({ file: kind, ...c });
  }
  if (cases.length === 0) return { cases, crash: "jest found no tests to run", elapsedMs: run.elapsedMs };
  return { cases, elapsedMs: run.elapsedMs };
}

/** NODE_OPTIONS with the heap limit set, keeping any other option the caller's environment has. */
function withHeapLimit(megabytes: number): string {
  const others = (process.env.NODE_OPTIONS ?? "")
    .split(/\s+/)
    .filter((option) => option.length > 0 && !option.startsWith("--max-old-space-size"));
  return [...others, `--max-old-space-size=${megabytes}`].join(" ");
}

/** V8's last words when the heap is full (it then aborts: signal SIGABRT). */
export function ranOutOfMemory(stderr: string): boolean {
  return /JavaScript heap out of memory|Reached heap limit/.test(stderr);
}

/** "exit code 1", or what a signal means: SIGABRT and SIGKILL from V8 or the kernel are out-of-memory deaths. */
function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === null) return `exit code ${code}`;
  return signal === "SIGABRT"
    ? "signal SIGABRT, which Node sends itself when it runs out of memory"
    : `signal ${signal}`;
}

// eslint-disable-next-line no-control-regex -- matching terminal colour codes is the point
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
  const lines = text
    .replace(ANSI_ESCAPE, "")
    .split("\n")
    .map((line) => line.trim().replace(/^●\s*/, ""))
    .filter((line) => line.length > 0);
  const exitNote = lines.find((line) => line.includes("process.exit called with"));
  return (exitNote ?? lines.filter((line) => !line.startsWith("at ")).at(-1))?.slice(0, 200);
}
