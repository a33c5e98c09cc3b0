/** Report formats, and the small pure pieces around grading. */
import { combineLoadOrders } from "../bench/run-bench";
import type { WorkloadMeasurement } from "../bench/result";
import { splitHints } from "../cli/commands/hint";
import { renderReport, type ClassroomResult } from "../report/formats";
import type { ExerciseScore, WorkbookScore } from "../score/score";
import { checkReadme, README_SECTIONS } from "../verify/readme-sections";

const exercise: ExerciseScore = {
  id: "01-partitioning/consistent-hashing",
  slug: "consistent-hashing",
  title: "Consistent hashing",
  skills: ["Data management"],
  state: "correct",
  correctness: {
    passed: 2,
    total: 3,
    visiblePassed: 2,
    visibleTotal: 2,
    hiddenPassed: 0,
    hiddenTotal: 1,
    fraction: 2 / 3,
  },
  performance: 0.7,
  workloads: [
    { name: "lookup <10>", budget: 0.5, ratio: 0.35, score: 0.7, unit: "lookups/s", detail: "median of 15 rounds" },
  ],
  score: 67.7,
  tests: [
    { file: "visible", name: "a & b", status: "passed" },
    { file: "visible", name: "c", status: "passed" },
    { file: "hidden", name: 'ties "quoted"', status: "failed", message: "expected <x>" },
  ],
};
const workbook: WorkbookScore = {
  score: 67.7,
  exercises: [exercise],
  skills: [{ skill: "Data management", score: 67.7, exercises: 1 }],
};
const context = { target: "exercises", hidden: true, generatedAt: "2026-11-22T00:00:00.000Z" };

test("json carries every figure and the context", () => {
  const report = JSON.parse(renderReport("json", workbook, context)) as WorkbookScore & typeof context;
  expect(report.score).toBe(67.7);
  expect(report.target).toBe("exercises");
  expect(report.exercises[0]?.workloads[0]?.ratio).toBe(0.35);
});

test("markdown shows the table, the formula and how each figure was got", () => {
  const md = renderReport("md", workbook, context);
  expect(md).toContain("| 01-partitioning/consistent-hashing | 2/3 | lookup <10>: 0.35 / 0.5 | 67.7 | correct |");
  expect(md).toContain("70 x tests passed / total");
  expect(md).toContain("- 01-partitioning/consistent-hashing / lookup <10>: median of 15 rounds");
});

test("junit has one testcase per test and per budget, failures for a failed test and a missed budget, escaped", () => {
  const xml = renderReport("junit", workbook, context);
  expect(xml).toContain('<testsuite name="01-partitioning/consistent-hashing" tests="4" failures="2" skipped="0">');
  expect(xml).toContain('name="a &amp; b"></testcase>');
  expect(xml).toContain('name="ties &quot;quoted&quot;"><failure message="expected &lt;x&gt;"/>');
  expect(xml).toMatch(/name="lookup &lt;10&gt;"><failure message="ratio 0\.350 is under the budget 0\.5/);
  expect(xml.match(/<testsuite /g)).toHaveLength(1);
  expect(xml.trim().endsWith("</testsuites>")).toBe(true);
});

test("two load orders combine by geometric mean, and the detail says so", () => {
  const m = (ratio: number): WorkloadMeasurement => ({
    name: "w",
    kind: "throughput",
    unit: "ops/s",
    learner: ratio,
    reference: 1,
    ratio,
    detail: "d",
  });
  const combined = combineLoadOrders(m(0.81), m(1.21));
  expect(combined.ratio).toBeCloseTo(Math.sqrt(0.81 * 1.21), 10);
  expect(combined.detail).toMatch(/0\.810 and 1\.210 with each side loaded first, geometric mean/);
});

test("hints split on '## Hint N' headings, in order", () => {
  expect(splitHints("# Hints\n\n## Hint 1\nfirst\n\n## Hint 2\nsecond\nmore\n")).toEqual(["first", "second\nmore"]);
  expect(splitHints("no hints here")).toEqual([]);
});

test("a README missing a section is reported by name", () => {
  const complete = README_SECTIONS.map((s) => `## ${s}\ntext`).join("\n");
  expect(checkReadme(complete)).toEqual([]);
  expect(checkReadme(complete.replace("## Budget", "## Speed"))).toEqual(["Budget"]);
});

test("classroom: one test per exercise worth 100, scored as graded; what the autograding reporter reads", () => {
  const crashed: ExerciseScore = {
    ...exercise,
    id: "05-microservices/rate-limiter",
    slug: "rate-limiter",
    state: "broken",
    score: 0,
    crash: "stopped after 120 s",
  };
  const done: ExerciseScore = { ...exercise, id: "03-caching/lru-cache", slug: "lru-cache", state: "done", score: 100 };
  const text = renderReport("classroom", { ...workbook, exercises: [exercise, crashed, done] }, context);
  // The reporter decodes <RUNNER>_RESULTS from base64 and parses it; the workflow encodes this file.
  const result = JSON.parse(
    Buffer.from(Buffer.from(text).toString("base64"), "base64").toString("utf8"),
  ) as ClassroomResult;
  expect(result).toMatchObject({ version: 1, status: "error", max_score: 300 });
  expect(result.tests.map((t) => [t.name, t.status, t.score])).toEqual([
    ["01-partitioning/consistent-hashing", "fail", 67.7],
    ["05-microservices/rate-limiter", "error", 0],
    ["03-caching/lru-cache", "pass", 100],
  ]);
  expect(result.tests[0]?.message).toBe("2/3 tests pass; performance 70%: 67.7 of 100");
  expect(result.tests[1]?.message).toBe("stopped after 120 s");
  expect(result.tests.reduce((sum, t) => sum + t.score, 0)).toBe(167.7); // the points the reporter sends to Classroom
});
