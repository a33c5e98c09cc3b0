/** The scoring arithmetic, on the worked example of docs/grading.md. */
import { loadCatalog, type Exercise } from "../catalog/catalog";
import type { BenchReport } from "../bench/result";
import { NOT_IMPLEMENTED_MARKER } from "../core/not-implemented";
import type { TestCaseResult, TestRunResult } from "../run/run-tests";
import { scoreExercise, scoreWorkbook } from "../score/score";
import { ensure } from "../kata/testing";

const ring = loadCatalog().find((e) => e.meta.slug === "consistent-hashing") as Exercise;

function run(
  passed: number,
  failed: number,
  message = "expected 3, received 4",
  hidden = 0,
  hiddenFailed = 0,
): TestRunResult {
  const notImplemented = message.includes(NOT_IMPLEMENTED_MARKER);
  const cases: TestCaseResult[] = [
    ...Array.from({ length: passed }, (_, i): TestCaseResult => ({
      file: "visible",
      name: `pass ${i}`,
      status: "passed",
    })),
    ...Array.from({ length: failed }, (_, i): TestCaseResult => ({
      file: "visible",
      name: `fail ${i}`,
      status: "failed",
      message,
      notImplemented,
    })),
    ...Array.from({ length: hidden }, (_, i): TestCaseResult => ({
      file: "hidden",
      name: `hidden ${i}`,
      status: "passed",
    })),
    ...Array.from({ length: hiddenFailed }, (_, i): TestCaseResult => ({
      file: "hidden",
      name: `hidden fail ${i}`,
      status: "failed",
      message,
    })),
  ];
  return { cases, elapsedMs: 1 };
}

function bench(lookup: number, scaling: number): BenchReport {
  const w = (name: string, ratio: number) => ({
    name,
    kind: "throughput" as const,
    unit: "lookups/s",
    learner: ratio,
    reference: 1,
    ratio,
    detail: "",
  });
  return {
    exercise: ring.id,
    target: "t",
    workloads: [w("lookup, 10 nodes", lookup), w("scaling, 10 to 1,000 nodes", scaling)],
  };
}

test("Ada: 18 of 21 tests pass, so performance does not count yet: 70 x 18/21 = 60.0", () => {
  const score = scoreExercise(ring, run(18, 3), bench(1, 1));
  expect(score.score).toBe(60);
  expect(score.performance).toBe(0);
  expect(score.workloads).toEqual([]);
  expect(score.performanceNote).toMatch(/once every visible test passes/);
  expect(score.state).toBe("started");
});

test("Cy, graded with --hidden: 21 visible pass, 1 of 10 hidden fails, so speed earns nothing: 70 x 30/31 = 67.7", () => {
  const score = scoreExercise(ring, run(21, 0, "a hidden rule", 9, 1), bench(1, 1));
  expect(score.score).toBe(67.7);
  expect(score.performance).toBe(0);
  expect(score.performanceNote).toMatch(/once every test passes, hidden ones included/);
  expect(score.state).toBe("started");
});

test("Ben: all 21 pass; ratios 0.35 and 0.9 on budgets 0.5: 70 + 30 x (0.7 + 1) / 2 = 95.5", () => {
  const score = scoreExercise(ring, run(21, 0), bench(0.35, 0.9));
  expect(score.workloads.map((w) => w.score)).toEqual([0.35 / 0.5, 1]);
  expect(score.score).toBe(95.5);
  expect(score.state).toBe("correct");
});

test("the workbook is the mean of its exercises (60 and 95.5 make 77.8), and so is each skill", () => {
  const workbook = scoreWorkbook([
    scoreExercise(ring, run(18, 3), bench(1, 1)),
    scoreExercise(ring, run(21, 0), bench(0.35, 0.9)),
  ]);
  expect(workbook.score).toBe(77.8);
  expect(workbook.skills).toEqual([
    { skill: "Architecture design", score: 77.8, exercises: 2 },
    { skill: "Data management", score: 77.8, exercises: 2 },
  ]);
});

test("all tests and every budget met: 100, done", () => {
  const score = scoreExercise(ring, run(21, 0, undefined, 10), bench(0.8, 0.6));
  expect(score.score).toBe(100);
  expect(score.state).toBe("done");
});

test("an untouched stub is 'not started'; a stub with one real failure is 'started'", () => {
  expect(
    scoreExercise(ring, run(0, 21, `HashRing.lookup ${NOT_IMPLEMENTED_MARKER}: replace...`), undefined).state,
  ).toBe("not started");
  expect(scoreExercise(ring, run(0, 21), undefined).state).toBe("started");
});

test("a workload that could not be measured scores 0, with its reason kept", () => {
  const report = bench(1, 1);
  report.workloads[1] = {
    ...(report.workloads[1] as BenchReport["workloads"][number]),
    ratio: 0,
    error: "the module did not load",
  };
  const score = scoreExercise(ring, run(21, 0), report);
  expect(score.performance).toBe(0.5);
  expect(score.score).toBe(85);
  expect(score.workloads[1]?.error).toBe("the module did not load");
});

test("a crash scores 0 and says why", () => {
  const score = scoreExercise(ring, { cases: [], crash: "stopped after 8 s", elapsedMs: 8000 }, undefined);
  expect(score).toMatchObject({ score: 0, state: "broken", crash: "stopped after 8 s" });
});

test("a failing ensure() points at the caller's line, not at the helper", () => {
  let stack = "";
  try {
    ensure(false, "a lesson");
  } catch (error) {
    stack = (error as Error).stack ?? "";
  }
  const firstFrame = stack.split("\n").find((line) => line.trim().startsWith("at ")) ?? "";
  expect(firstFrame).toMatch(/scoring\.test\.ts/);
  expect(stack).not.toMatch(/kata[/\\]testing\.ts/);
});

describe("an exercise without a budget", () => {
  const untimed: Exercise = { ...ring, meta: { ...ring.meta, budgets: {} } };

  test("is graded on its tests alone: 100 x correctness, done once every test passes", () => {
    const half = scoreExercise(untimed, run(5, 5), undefined);
    expect(half).toMatchObject({ score: 50, state: "started", performance: 0, workloads: [] });
    expect(half.performanceNote).toMatch(/no budget/);
    expect(scoreExercise(untimed, run(10, 0), undefined)).toMatchObject({ score: 100, state: "done" });
  });

  test("a timed exercise with every test passing and no bench is correct, not done, and stops at 70", () => {
    expect(scoreExercise(ring, run(10, 0), undefined)).toMatchObject({ score: 70, state: "correct" });
  });
});
