/** The learner's type errors, found through the target's layers and named by file and line. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalog, type Exercise } from "../catalog/catalog";
import { gradeExercises } from "../grade/grade";
import { renderScorecard } from "../report/scorecard";
import { TypeChecker, formatTypeProblems } from "../typecheck/type-errors";
import { renderScreen } from "../watch/screen";

jest.setTimeout(60_000);

const lru = loadCatalog().find((e) => e.meta.slug === "lru-cache") as Exercise;
let root: string;
let entry: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "kata-types-"));
  const src = path.join(root, "03-caching", "lru-cache", "src");
  cpSync(lru.srcDir, src, { recursive: true });
  cpSync(lru.referenceDir, src, { recursive: true });
  entry = path.join(src, "lru-cache.ts");
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

test("the reference has no type errors; a wrong return type is named by file, line and message", () => {
  const checker = new TypeChecker(root);
  expect(checker.check(lru)).toEqual([]);
  const text = readFileSync(entry, "utf8");
  const at = text.split("\n").findIndex((line) => line.includes("get size(): number"));
  expect(at).toBeGreaterThan(0);
  writeFileSync(entry, text.replace("get size(): number", "get size(): string"));
  const problems = checker.check(lru); // the same checker again: only the changed file is read anew
  expect(problems[0]).toMatchObject({ file: "src/lru-cache.ts", line: at + 2 });
  expect(problems[0]?.message).toBe("Type 'number' is not assignable to type 'string'.");
  // The tests' expectations count too: the test file compares size with numbers.
  expect(problems.some((p) => p.file === "lru-cache.test.ts")).toBe(true);
  expect(formatTypeProblems(problems)[0]).toBe(
    `src/lru-cache.ts:${at + 2}:5 Type 'number' is not assignable to type 'string'.`,
  );
});

test("kata watch shows type errors above the first failure", () => {
  const screen = renderScreen({
    exercise: lru,
    run: { cases: [{ file: "visible", name: "basics", status: "failed", fullMessage: "expected 1" }], elapsedMs: 1 },
    typeProblems: ["src/lru-cache.ts:43:5 Type 'number' is not assignable to type 'string'."],
    workbook: { passing: 0, total: 1 },
    width: 80,
  });
  expect(screen.indexOf("1 type error(s)")).toBeGreaterThan(0);
  expect(screen.indexOf("1 type error(s)")).toBeLessThan(screen.indexOf("First failure"));
});

test("grading reports type errors beside the scores and does not fail tests for them", async () => {
  // The copy still has the wrong return type from the first test: the code runs, the tests pass.
  const workbook = await gradeExercises([lru], { target: root, hidden: false, bench: false });
  const [score] = workbook.exercises;
  expect(score?.correctness.passed).toBe(score?.correctness.total);
  expect(score?.typeErrors?.[0]).toMatch(
    /^src\/lru-cache\.ts:\d+:5 Type 'number' is not assignable to type 'string'\.$/,
  );
  expect(renderScorecard(workbook, root)).toMatch(
    /lru-cache: \d+ type error\(s\) \(not scored\), first: src\/lru-cache\.ts/,
  );
});
