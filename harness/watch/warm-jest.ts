/**
 * The watch process's side of the warm test runner (jest-server.cjs): one child kept between
 * runs, a time limit per run, and a new child after one that hung or died. Each run answers with
 * the same FilesRun as a cold `runTestFiles`, a crash sentence included.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import targets from "../resolve/targets.cjs";
import { filesRunOf, type FilesRun, type JestReport } from "../run/run-tests";

const SERVER = path.join(targets.REPO_ROOT, "harness", "watch", "jest-server.cjs");

type Answer = { ready: true } | { id: number; report: JestReport } | { id: number; error: string };

export class WarmJest {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 0;

  /** @param env fixed for the child's life: jest reads its configuration's environment once. */
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly timeLimitMs: number,
  ) {}

  /** Starts the child now, so its start-up overlaps whatever the caller does next. */
  warmUp(): void {
    if (this.child !== undefined) return;
    const child = spawn(process.execPath, [SERVER], {
      cwd: targets.REPO_ROOT,
      env: { ...process.env, ...this.env, FORCE_COLOR: "0" },
      // The learner's own writes to stdout go nowhere: the screen belongs to kata watch.
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    this.child = child;
    this.ready = new Promise((resolve) => {
      const onReady = (message: Answer): void => {
        if ("ready" in message) {
          child.off("message", onReady);
          resolve();
        }
      };
      child.on("message", onReady);
      child.once("exit", () => resolve()); // run() then reports the death
    });
    child.once("exit", () => {
      if (this.child === child) this.child = undefined;
    });
  }

  async run(files: string[]): Promise<FilesRun> {
    this.warmUp();
    await this.ready;
    const child = this.child;
    const started = Date.now();
    const elapsed = (): number => Date.now() - started;
    if (child === undefined || child.exitCode !== null)
      return { files: new Map(), elapsedMs: 0, crash: "the test runner could not start" };
    const id = ++this.nextId;
    return new Promise((resolve) => {
      const finish = (result: FilesRun): void => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(result);
      };
      const timer = setTimeout(() => {
        this.stop();
        finish({
          files: new Map(),
          elapsedMs: elapsed(),
          crash: `stopped after ${Math.round(this.timeLimitMs / 1000)} s without finishing: look for an infinite loop or a promise that never settles`,
        });
      }, this.timeLimitMs);
      const onMessage = (message: Answer): void => {
        if ("ready" in message || message.id !== id) return;
        finish(
          "report" in message
            ? filesRunOf(message.report, elapsed())
            : { files: new Map(), elapsedMs: elapsed(), crash: `jest could not run the tests: ${message.error}` },
        );
      };
      const onExit = (code: number | null): void =>
        finish({
          files: new Map(),
          elapsedMs: elapsed(),
          crash: `the test process ended (exit code ${code}) before it reported: does the code call process.exit()?`,
        });
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send({ id, files });
    });
  }

  stop(): void {
    this.child?.kill("SIGKILL");
    this.child = undefined;
  }
}
