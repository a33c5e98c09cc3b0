/**
 * Runs a command in a child process with a time limit and an output limit: the wall between a
 * learner's code and the rest of a grading run. An infinite loop is killed at the time limit, a
 * flood of output at the byte limit, and either way the caller gets a result, never a hang.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface BoundedRun {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (the whole process group) after this long. */
  timeLimitMs: number;
  /** Killed once stdout and stderr together exceed this many bytes. */
  outputLimitBytes: number;
}

export type StopReason = "exited" | "time-limit" | "output-limit";

export interface BoundedResult {
  reason: StopReason;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/**
 * Children still running, by process group. Each leads its own group (so a kill reaches jest's
 * workers), which also means Ctrl-C on the parent does not reach them: the parent kills them
 * itself when it is interrupted, or a stopped gradebook would leave jest processes running.
 */
const running = new Set<number>();
let stoppingChildrenOnExit = false;

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

function stopChildrenOnExit(): void {
  if (stoppingChildrenOnExit) return;
  stoppingChildrenOnExit = true;
  process.on("exit", () => running.forEach(killGroup));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.once(signal, () => {
      running.forEach(killGroup);
      process.kill(process.pid, signal); // then die of it, as without this handler
    });
}

export function runBounded(run: BoundedRun): Promise<BoundedResult> {
  stopChildrenOnExit();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // detached: the child leads its own process group, so a kill reaches jest's workers too.
    const child = spawn(run.command, run.args, {
      cwd: run.cwd,
      env: run.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const pid = child.pid;
    if (pid !== undefined) running.add(pid);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let bytes = 0;
    let reason: StopReason = "exited";

    const stop = (why: StopReason): void => {
      if (reason !== "exited") return;
      reason = why;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL"); // the group is already gone; make sure the leader is too
      }
    };
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > run.outputLimitBytes) {
        stop("output-limit");
        return;
      }
      into.push(chunk);
    };
    child.stdout.on("data", collect(stdout));
    child.stderr.on("data", collect(stderr));
    const timer = setTimeout(() => stop("time-limit"), run.timeLimitMs);

    child.on("error", (error) => {
      clearTimeout(timer);
      if (pid !== undefined) running.delete(pid);
      reject(error);
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      if (pid !== undefined) running.delete(pid);
      resolve({
        reason,
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        elapsedMs: performance.now() - started,
      });
    });
  });
}

/**
 * The pattern every child that reports results follows: it writes JSON to a file of its own
 * (stdout belongs to the learner's code, whose logs must not corrupt results), within the limits
 * above. `args` receives that file's path. The report is undefined when the file is missing or
 * not JSON: the child died before reporting, and `run` says why.
 */
export async function runBoundedForJson<T>(
  run: Omit<BoundedRun, "args"> & { args: (reportFile: string) => string[] },
): Promise<{ run: BoundedResult; report: T | undefined }> {
  const scratch = mkdtempSync(path.join(tmpdir(), "kata-child-"));
  const reportFile = path.join(scratch, "report.json");
  try {
    const result = await runBounded({ ...run, args: run.args(reportFile) });
    return { run: result, report: readJsonFile<T>(reportFile) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readJsonFile<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}
