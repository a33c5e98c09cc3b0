/**
 * The wall between a submission and the grading run: each failure mode of a learner's code costs
 * that exercise its points, with a reason that says what to fix, and the run goes on. The fixtures
 * are submissions laid out like exercises/, each the reference broken in one way.
 */
import { loadCatalog, selectExercises, type Exercise } from "../catalog/catalog";
import { gradeExercises } from "../grade/grade";
import { runExerciseTests } from "../run/run-tests";
import { fixtureSubmission, removeFixtureSubmissions } from "./submission-fixture";

jest.setTimeout(120_000);

const fixture = fixtureSubmission;
afterAll(removeFixtureSubmissions);
const ring = loadCatalog().find((e) => e.meta.slug === "consistent-hashing") as Exercise;
// Generous, so that only the hanging fixture meets it, however busy the machine (verify runs
// other jobs beside these tests); the hang's own limit is the one that costs time.
const limits = { timeLimitMs: 90_000, outputLimitBytes: 1 << 20, includeHidden: false };

test("a submission with an infinite loop is stopped at the limit, with a reason, and no test counts", async () => {
  const run = await runExerciseTests(ring, { target: fixture("infinite-loop"), ...limits, timeLimitMs: 15_000 });
  expect(run.crash).toMatch(/stopped after 15 s without finishing: look for an infinite loop/);
  expect(run.cases).toEqual([]);
});

test.each([
  ["process-exit", /ended \(exit code 0\) before it reported: does the code call process\.exit\(\)\?/],
  ["output-flood", /wrote more than 1024 KiB of output: remove console\.log calls/],
  ["throws-non-error", /test file could not run: Test suite failed to run boom/],
  ["syntax-error", /test file could not run: .*hash-ring\.ts:6:\d+ - error TS1005: '\)' expected/],
])("a submission with %s crashes with a reason, and no test counts", async (name, reason) => {
  const run = await runExerciseTests(ring, { target: fixture(name), ...limits });
  expect(run.crash).toMatch(reason);
  expect(run.cases).toEqual([]);
});

test("a submission folder outside exercises/ is graded with the workbook's tests", async () => {
  const run = await runExerciseTests(ring, { target: fixture("reference-copy"), ...limits, includeHidden: true });
  expect(run.crash).toBeUndefined();
  expect(run.cases.filter((c) => c.file === "hidden").length).toBeGreaterThan(0);
  expect(run.cases.every((c) => c.status === "passed")).toBe(true);
});

test("one exercise that hangs and one that throws cost only themselves: the third is graded in full", async () => {
  // The limit leaves the one that completes room on a busy machine (verify runs jobs beside this).
  const workbook = await gradeExercises(
    selectExercises(loadCatalog(), ["consistent-hashing", "rate-limiter", "raft-election"]),
    {
      target: fixture("mixed"),
      hidden: true,
      bench: false,
      testTimeLimitMs: 30_000,
    },
  );
  const bySlug = Object.fromEntries(workbook.exercises.map((e) => [e.slug, e]));
  expect(bySlug["consistent-hashing"]).toMatchObject({ state: "correct", score: 70 });
  expect(bySlug["consistent-hashing"]?.correctness.hiddenTotal).toBeGreaterThan(0);
  expect(bySlug["rate-limiter"]).toMatchObject({ state: "broken", score: 0 });
  expect(bySlug["rate-limiter"]?.crash).toMatch(/could not run: .*configuration file not found/);
  expect(bySlug["raft-election"]).toMatchObject({ state: "broken", score: 0 });
  expect(bySlug["raft-election"]?.crash).toMatch(/stopped after 30 s/);
});

test("grading a broken submission scores it 0 as broken and still returns a scorecard", async () => {
  const workbook = await gradeExercises([ring], {
    target: fixture("throws-non-error"),
    hidden: false,
    bench: true,
    testTimeLimitMs: 8_000,
  });
  const [score] = workbook.exercises;
  expect(score?.state).toBe("broken");
  expect(score?.score).toBe(0);
  expect(score?.performanceNote).toMatch(/tests did not run/);
  expect(workbook.score).toBe(0);
});
