/**
 * `kata watch [slug]`: the learner's loop. Runs the exercise's visible tests, and again on every
 * save under its src/ (chokidar, debounced), and redraws one screen: the tests passing, the first
 * failure's teaching message, the workbook's progress. Keys: h the next hint, b a bench against
 * the reference, n the next exercise in course order, q quit.
 *
 * The tests run in a warm jest child (warm-jest.ts): after the first run, a save shows its result
 * in about a third of the time a fresh `npm test` takes.
 *
 * Keys come from `input` as single characters: a terminal in raw mode, or a pipe (the harness's
 * tests drive it both ways). A save during a run queues one more run, never two at once.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { watch as watchFiles, type FSWatcher } from "chokidar";
import type { Exercise } from "../catalog/catalog";
import { DEFAULT_BENCH_TIME_LIMIT_MS, runBench } from "../bench/run-bench";
import { splitHints, takeHints } from "../cli/commands/hint";
import { HINT_COST, type InterviewSession } from "../interview/session";
import { progressOf, readProgress } from "../progress/progress";
import targets from "../resolve/targets.cjs";
import { DEFAULT_TEST_LIMITS, exerciseResult, type TestRunResult } from "../run/run-tests";
import { scoreWorkloads } from "../score/score";
import { TypeChecker, formatTypeProblems } from "../typecheck/type-errors";
import { renderScreen } from "./screen";
import { WarmJest } from "./warm-jest";

export interface WatchOptions {
  target: string;
  input: NodeJS.ReadStream | NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Saves closer together than this make one run: editors write a file in several steps. */
  debounceMs?: number;
  /** A run that takes longer is stopped and reported (an infinite loop); DEFAULT_TEST_LIMITS otherwise. */
  timeLimitMs?: number;
  /**
   * An interview in progress (kata interview): the screen shows its countdown instead of the
   * workbook's progress, hints come from the session (each one costs points), n is off, and the
   * watch ends by itself when the time is up. tickMs is how often the countdown is redrawn.
   */
  interview?: { session: InterviewSession; brief: string; tickMs?: number };
}

/** How a watch ended: the learner pressed q, or an interview's time ran out. */
export type WatchEnd = "quit" | "time";

const CLEAR = "\x1b[2J\x1b[3J\x1b[H";

/** The folder whose saves trigger a run: where the target keeps the exercise's src/. */
export function watchedFolder(exercise: Exercise, target: string): string {
  const name = { track: exercise.meta.track, slug: exercise.meta.slug, module: exercise.meta.entry };
  return path.dirname(targets.implementationFile(name, targets.parseTarget(target)));
}

export function watch(catalog: Exercise[], start: Exercise, options: WatchOptions): Promise<WatchEnd> {
  const session = options.interview?.session;
  return new Promise((resolve) => {
    let exercise = start;
    let run: TestRunResult | undefined;
    let notice: string | undefined;
    let status: string | undefined;
    let running = false;
    let again = false;
    let watcher: FSWatcher | undefined;
    let timer: NodeJS.Timeout | undefined;
    let ticker: NodeJS.Timeout | undefined;
    let closed = false;
    let typeProblems: string[] = [];
    const checker = new TypeChecker(options.target);
    const typeProblemsOf = (e: Exercise): string[] => {
      try {
        return formatTypeProblems(checker.check(e));
      } catch {
        return []; // a help, not a gate: the checker's own failure must not hide the tests
      }
    };
    // The learner's own visible suite: the progress reporter records it, as for npm test.
    const jest = new WarmJest(
      { KATA_TARGET: options.target, KATA_SUITE: "visible" },
      options.timeLimitMs ?? DEFAULT_TEST_LIMITS.timeLimitMs,
    );

    const nextOf = (e: Exercise): Exercise | undefined => {
      const at = catalog.findIndex((c) => c.id === e.id);
      return at < 0 ? undefined : catalog[at + 1];
    };
    const draw = (): void => {
      if (closed) return;
      const progress = readProgress();
      const passing = catalog.filter((e) => ["passing", "done"].includes(progressOf(progress, e).status)).length;
      const width = "columns" in options.output ? Number(options.output.columns) || 80 : 80;
      options.output.write(
        CLEAR +
          renderScreen({
            exercise,
            ...(run ? { run } : {}),
            typeProblems,
            workbook: { passing, total: catalog.length },
            ...(nextOf(exercise) ? { next: nextOf(exercise) as Exercise } : {}),
            ...(notice ? { notice } : {}),
            ...(status ? { status } : {}),
            ...(options.interview
              ? { countdown: options.interview.session.countdown(), brief: options.interview.brief }
              : {}),
            width,
          }),
      );
    };

    const runTests = async (reason: string): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      const started = Date.now();
      const current = exercise;
      const files = jest.run([current.visibleTest]);
      // Type-checked here while the jest child runs the tests on the other core.
      typeProblems = typeProblemsOf(current);
      const finished = await files;
      running = false;
      if (current === exercise) {
        run = exerciseResult(current, finished, false);
        status = `${reason} ${new Date().toLocaleTimeString()}, ran in ${((Date.now() - started) / 1000).toFixed(1)} s`;
        draw();
      }
      if (again) {
        again = false;
        await runTests("saved");
      }
    };

    const follow = (e: Exercise): void => {
      exercise = e;
      run = undefined;
      notice = undefined;
      typeProblems = [];
      void watcher?.close();
      watcher = watchFiles(watchedFolder(e, options.target), { ignoreInitial: true });
      watcher.on("all", () => {
        clearTimeout(timer);
        timer = setTimeout(() => void runTests("saved"), options.debounceMs ?? 80);
      });
      draw();
      void runTests("started");
    };

    const quit = (end: WatchEnd = "quit"): void => {
      closed = true;
      clearTimeout(timer);
      clearInterval(ticker);
      session?.stop();
      jest.stop();
      void watcher?.close();
      options.input.removeListener("data", onKey);
      if ("setRawMode" in options.input && options.input.isTTY) options.input.setRawMode(false);
      options.input.pause();
      options.output.write("\n");
      resolve(end);
    };

    let benching = false;
    const bench = async (): Promise<void> => {
      if (benching) return; // two benches at once would measure each other
      benching = true;
      notice = "measuring against the reference (a few seconds; the screen updates when it is done)...";
      draw();
      const report = await runBench(exercise, { target: options.target, timeLimitMs: DEFAULT_BENCH_TIME_LIMIT_MS });
      notice = scoreWorkloads(exercise, report)
        .map((w) =>
          w.error
            ? `${w.name}: not measured (${w.error})`
            : `${w.name}: ${w.ratio.toFixed(2)} of the reference, budget ${w.budget}: ${w.score >= 1 ? "within" : "not yet"}`,
        )
        .join("\n");
      benching = false;
      draw();
    };

    function onKey(chunk: Buffer | string): void {
      for (const key of chunk.toString()) {
        if (closed) return;
        if (key === "q" || key === "\u0003") return quit("quit");
        if (key === "h" && session) {
          notice = interviewHint(exercise, session);
          draw();
        } else if (key === "h") {
          try {
            const { shown, total } = takeHints(exercise, { all: false, reset: false });
            notice = `Hint ${shown.length} of ${total}\n${shown.at(-1) ?? ""}`;
          } catch (error) {
            notice = error instanceof Error ? error.message : String(error);
          }
          draw();
        } else if (key === "b") {
          void bench();
        } else if (key === "n" && !session) {
          const next = nextOf(exercise);
          if (next) follow(next);
        }
      }
    }

    if ("setRawMode" in options.input && options.input.isTTY) options.input.setRawMode(true);
    options.input.on("data", onKey);
    options.input.resume();
    if (options.interview) {
      ticker = setInterval(() => {
        if (session?.isOver()) quit("time");
        else draw();
      }, options.interview.tickMs ?? 1000);
    }
    follow(start);
  });
}

/** The next hint of the interview's own count (the learner's progress is not touched), and its cost. */
function interviewHint(exercise: Exercise, session: InterviewSession): string {
  const hints = existsSync(exercise.hints) ? splitHints(readFileSync(exercise.hints, "utf8")) : [];
  const taken = session.hintsTaken();
  if (taken >= hints.length) return `No more hints: all ${hints.length} are taken.`;
  session.tookHint();
  return `Hint ${taken + 1} of ${hints.length} (-${HINT_COST} points)\n${hints[taken] ?? ""}`;
}
