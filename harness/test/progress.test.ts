/**
 * The learner's progress: what the jest reporter records after a run, what grading and hints add,
 * and what `kata next` concludes from it. Each test keeps its own progress file.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalog, type Exercise } from "../catalog/catalog";
import { NOT_IMPLEMENTED_MARKER } from "../core/not-implemented";
import ProgressReporter from "../progress/progress-reporter.cjs";
import store from "../progress/progress-store.cjs";
import { nextExercise, readProgress, statusLabel, type ExerciseProgress } from "../progress/progress";
import targets from "../resolve/targets.cjs";
import { JEST_BIN } from "../run/tools";

jest.setTimeout(60_000);

let dir: string;
const saved = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kata-progress-"));
  process.env.KATA_PROGRESS_FILE = path.join(dir, "progress.json");
  delete process.env.KATA_TARGET;
  delete process.env.KATA_SUITE;
  delete process.env.KATA_REPLAY;
  delete process.env.KATA_PROGRESS;
});

afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

const lru = path.join(targets.REPO_ROOT, "exercises", "03-caching", "lru-cache", "lru-cache.test.ts");
const passed = { status: "passed", failureMessages: [] };
const failed = (message: string): { status: string; failureMessages: string[] } => ({
  status: "failed",
  failureMessages: [message],
});

function report(testResults: unknown[], globalConfig: { testNamePattern?: string } = {}): void {
  new ProgressReporter(globalConfig).onRunComplete(undefined, { testResults } as never);
}

function entry(id = "03-caching/lru-cache"): ExerciseProgress | undefined {
  return readProgress()[id];
}

describe("the reporter", () => {
  test("looks for the same not-implemented text the stubs throw", () => {
    expect(ProgressReporter.NOT_IMPLEMENTED_MARKER).toBe(NOT_IMPLEMENTED_MARKER);
  });

  test("a stub whose every test fails on notImplemented is not started; one real failure makes it failing", () => {
    const stub = failed(`LruCache.get ${NOT_IMPLEMENTED_MARKER}: replace...`);
    report([{ testFilePath: lru, testResults: [stub, stub] }]);
    expect(entry()).toMatchObject({ status: "not-started", passed: 0, total: 2 });
    report([{ testFilePath: lru, testResults: [stub, failed("expected 3, got 4")] }]);
    expect(entry()?.status).toBe("failing");
  });

  test("every test passing is passing; a file that does not load is failing, not passing", () => {
    report([{ testFilePath: lru, testResults: [passed, passed] }]);
    expect(entry()).toMatchObject({ status: "passing", passed: 2, total: 2 });
    report([{ testFilePath: lru, testExecError: { message: "SyntaxError" }, testResults: [] }]);
    expect(entry()).toMatchObject({ status: "failing", passed: 0, total: 1 });
  });

  test("skipped tests do not count", () => {
    report([{ testFilePath: lru, testResults: [passed, { status: "pending", failureMessages: [] }] }]);
    expect(entry()).toMatchObject({ status: "passing", passed: 1, total: 1 });
  });

  test("runs that do not say how the learner stands are ignored", () => {
    const results = [{ testFilePath: lru, testResults: [passed] }];
    report(results, { testNamePattern: "evicts" });
    process.env.KATA_TARGET = "solutions";
    report(results);
    process.env.KATA_TARGET = "exercises";
    process.env.KATA_SUITE = "graded";
    report(results);
    delete process.env.KATA_SUITE;
    process.env.KATA_REPLAY = "3";
    report(results);
    delete process.env.KATA_REPLAY;
    report([{ testFilePath: path.join(targets.REPO_ROOT, "harness", "test", "cli.test.ts"), testResults: [passed] }]);
    expect(readProgress()).toEqual({});
  });

  test("npm test -- <slug> on the stub records the exercise as not started", () => {
    const run = spawnSync(process.execPath, [JEST_BIN, "--ci", "--runTestsByPath", lru], {
      cwd: targets.REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    expect(run.status).toBe(1);
    expect(entry()).toMatchObject({ status: "not-started", passed: 0 });
    expect(entry()?.total).toBeGreaterThan(5);
  });
});

describe("grades and hints", () => {
  test("a grade with every test passing is done, and a later failing run takes it back", () => {
    store.recordGrade("03-caching/lru-cache", { score: 87.5, allTestsPass: true }, new Date("2026-01-02T00:00:00Z"));
    expect(entry()).toMatchObject({ status: "done", score: 87.5, gradedAt: "2026-01-02T00:00:00.000Z" });
    report([{ testFilePath: lru, testResults: [passed] }]);
    expect(entry()?.status).toBe("done");
    report([{ testFilePath: lru, testResults: [passed, failed("expected 3")] }]);
    expect(entry()?.status).toBe("failing");
  });

  test("hints counted by an older version (.kata/hints.json) are kept", () => {
    writeFileSync(path.join(dir, "hints.json"), JSON.stringify({ "03-caching/lru-cache": 2 }));
    expect(entry()?.hintsTaken).toBe(2);
    store.recordHints("03-caching/ttl-cache", 1);
    const file = JSON.parse(readFileSync(path.join(dir, "progress.json"), "utf8")) as { exercises: object };
    expect(file.exercises).toMatchObject({
      "03-caching/lru-cache": { hintsTaken: 2 },
      "03-caching/ttl-cache": { hintsTaken: 1 },
    });
  });

  test("a damaged progress file starts afresh instead of failing the run", () => {
    writeFileSync(path.join(dir, "progress.json"), "{ not json");
    report([{ testFilePath: lru, testResults: [passed] }]);
    expect(entry()?.status).toBe("passing");
  });
});

describe("statusLabel and kata next", () => {
  const catalog: Exercise[] = loadCatalog().slice(0, 4);
  const [first, second, third] = catalog as [Exercise, Exercise, Exercise];

  test("labels say the status, the counts and the hints", () => {
    expect(statusLabel({ status: "not-started" })).toBe("-");
    expect(statusLabel({ status: "failing", passed: 9, total: 14, hintsTaken: 1 })).toBe("failing 9/14, 1 hint");
    expect(statusLabel({ status: "done", score: 91 })).toBe("done 91");
    expect(statusLabel({ status: "passing", hintsTaken: 2 })).toBe("passing, 2 hints");
  });

  test("with nothing done, the first exercise of the course", () => {
    expect(nextExercise(catalog, {})?.exercise).toBe(first);
  });

  test("the first one that does not pass yet, in course order", () => {
    const next = nextExercise(catalog, { [first.id]: { status: "done" }, [second.id]: { status: "passing" } });
    expect(next?.exercise).toBe(third);
    expect(next?.why).toContain(`number ${third.position} in the course`);
  });

  test("an exercise started and still failing comes first, the most recent of them", () => {
    const next = nextExercise(catalog, {
      [second.id]: { status: "failing", passed: 3, total: 10, lastRun: "2026-01-01T00:00:00Z" },
      [third.id]: { status: "failing", passed: 1, total: 4, lastRun: "2026-01-02T00:00:00Z" },
    });
    expect(next?.exercise).toBe(third);
    expect(next?.why).toBe("you started it: 3 of 4 visible tests still fail at the last run");
  });

  test("nothing next once every exercise passes", () => {
    expect(nextExercise(catalog, Object.fromEntries(catalog.map((e) => [e.id, { status: "passing" as const }])))).toBe(
      undefined,
    );
  });
});
