/**
 * kata gradebook over a seeded class: every kind of submission a class hands in (the reference,
 * naive, a wrong design, the stub, broken, hostile and dishonest code) gets the grade it deserves
 * and costs only itself; results are cached so a re-run grades only what changed and a stopped
 * run continues; shards merge into the same results as one run.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalog, type Exercise } from "../catalog/catalog";
import { mergeResults } from "../gradebook/class-merge";
import { classCsv } from "../gradebook/class-tables";
import { gradeClass, type ClassResults, type GradebookOptions, type GradebookProgress } from "../gradebook/gradebook";
import { readRoster } from "../gradebook/roster";
import { parseShard, pickShard } from "../gradebook/shard";
import { Prng } from "../sim/prng";
import { makeSeededClass, SUBMISSION_KINDS, writeSubmission, type SubmissionKind } from "./seeded-class";

jest.setTimeout(300_000);

const partitioners = loadCatalog().find((e) => e.meta.slug === "partitioners") as Exercise;
let scratch: string;
let classFolder: string;
let cacheDir: string;
let whole: ClassResults;
const events: GradebookProgress[] = [];

const options = (extra: Partial<GradebookOptions> = {}): GradebookOptions => ({
  classFolder,
  exercises: [partitioners],
  hidden: true,
  bench: false,
  jobs: 2,
  cacheDir,
  ...extra,
});
const studentOf = (results: ClassResults, kind: SubmissionKind) => {
  const student = `student-${String(SUBMISSION_KINDS.indexOf(kind) + 1).padStart(3, "0")}`;
  const found = results.students.find((s) => s.student === student);
  if (!found) throw new Error(`no ${student} (${kind}) in the results`);
  return found.workbook.exercises[0] as NonNullable<(typeof found.workbook.exercises)[0]>;
};

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "kata-gradebook-"));
  classFolder = path.join(scratch, "class");
  cacheDir = path.join(scratch, "cache");
  // One student per kind, in SUBMISSION_KINDS order.
  makeSeededClass(classFolder, {
    students: SUBMISSION_KINDS.length,
    seed: 11,
    exercises: [partitioners],
    choose: (i) => SUBMISSION_KINDS[i] as SubmissionKind,
  });
  mkdirSync(path.join(classFolder, "notes-not-a-student"));
  whole = await gradeClass(options({ onProgress: (p) => events.push(p) }));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("every kind of submission gets the grade it deserves", () => {
  test("the reference and naive pass every test, visible and hidden", () => {
    for (const kind of ["reference", "naive"] as const) {
      const e = studentOf(whole, kind);
      expect(e.crash).toBeUndefined();
      expect(e.correctness.hiddenTotal).toBeGreaterThan(0);
      expect(e.correctness.passed).toBe(e.correctness.total);
      expect(e.score).toBe(70); // performance is not measured in this run
    }
  });

  test("a wrong design loses the tests that catch it; the stub is not started", () => {
    const wrong = studentOf(whole, "wrong");
    expect(wrong.crash).toBeUndefined();
    expect(wrong.correctness.passed).toBeGreaterThan(0);
    expect(wrong.correctness.passed).toBeLessThan(wrong.correctness.total);
    expect(studentOf(whole, "stub")).toMatchObject({ state: "not started", score: 0 });
  });

  test("broken, looping, memory-hungry and dishonest code each crash with their real cause", () => {
    expect(studentOf(whole, "broken").crash).toMatch(/test file could not run: .*error TS/);
    expect(studentOf(whole, "loop").crash).toMatch(
      /stopped after \d+ s without finishing \(the limit is 3x the reference's [\d.]+ s plus 10 s, at least 20 s\): look for an infinite loop/,
    );
    expect(studentOf(whole, "memory").crash).toMatch(
      /^ran out of memory: the JavaScript heap reached its 768 MB limit/,
    );
    expect(studentOf(whole, "dishonest").crash).toMatch(
      /^not graded: src\/\S+\.ts:2 imports ".*solutions\/01-partitioning\/partitioners\/src\/\S+", a file outside this exercise's src\//,
    );
    for (const kind of ["broken", "loop", "memory", "dishonest"] as const)
      expect(studentOf(whole, kind)).toMatchObject({ state: "broken", score: 0 });
  });

  test("a folder without exercises is reported, not graded; progress counts students and failures", () => {
    expect(whole.problems).toEqual([
      { student: "notes-not-a-student", message: expect.stringContaining("no exercises/ folder") as string },
    ]);
    const last = events.filter((e) => e.phase === "tests").at(-1);
    expect(last).toMatchObject({ done: 8, total: 8, failures: 4, studentsDone: 8, students: 8 });
    expect(events.find((e) => e.phase === "tests" && e.done === 4)?.etaMs).toBeGreaterThan(0);
  });
});

describe("resumable", () => {
  test("a second run takes every result from the cache; after one student resubmits, only they are graded", async () => {
    const again = await gradeClass(options());
    expect(again.work).toMatchObject({ testRuns: 0, benches: 0, cached: 8 });
    expect(again.students).toEqual(whole.students);

    const stubStudent = path.join(classFolder, "student-004", "01-partitioning", "partitioners", "src"); // a flat layout
    rmSync(stubStudent, { recursive: true });
    writeSubmission(stubStudent, partitioners, "reference", "student-004", new Prng(1));
    const resubmitted = await gradeClass(options());
    expect(resubmitted.work).toMatchObject({ testRuns: 1, cached: 7 });
    expect(studentOf(resubmitted, "stub")).toMatchObject({ state: "correct", score: 70 });
    whole = resubmitted;
  });

  test("a run stopped half-way keeps what it finished and continues from there", async () => {
    const small = path.join(scratch, "small-class");
    makeSeededClass(small, {
      students: 3,
      seed: 5,
      exercises: [partitioners],
      choose: (i) => (["reference", "wrong", "naive"] as const)[i] as SubmissionKind,
    });
    const smallCache = path.join(scratch, "small-cache");
    const stopAfterOne = (p: GradebookProgress): void => {
      if (p.phase === "tests" && p.done === 1) throw new Error("stopped by the test");
    };
    await expect(
      gradeClass(options({ classFolder: small, cacheDir: smallCache, jobs: 1, onProgress: stopAfterOne })),
    ).rejects.toThrow("stopped by the test");
    const resumed = await gradeClass(options({ classFolder: small, cacheDir: smallCache, jobs: 1 }));
    expect(resumed.work).toMatchObject({ testRuns: 2, cached: 1 });
    expect(resumed.students.map((s) => s.workbook.exercises[0]?.correctness.total)).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
  });
});

describe("shards", () => {
  test("shards split the class evenly and deterministically, and merge into the results of one run", async () => {
    const halves = [
      await gradeClass(options({ shard: parseShard("1/2") })),
      await gradeClass(options({ shard: parseShard("2/2") })),
    ];
    expect(halves.map((h) => h.students.length)).toEqual([4, 4]);
    const merged = mergeResults([halves[1] as ClassResults, halves[0] as ClassResults]);
    const correctness = (r: ClassResults) => r.students.map((s) => [s.student, s.workbook.exercises[0]?.correctness]);
    expect(correctness(merged)).toEqual(correctness(whole));
    expect(merged.students.map((s) => s.workbook.score)).toEqual(whole.students.map((s) => s.workbook.score));

    expect(() => mergeResults([halves[0] as ClassResults])).toThrow("shard 2/2 is missing");
    expect(() => mergeResults([halves[0] as ClassResults, halves[0] as ClassResults])).toThrow(
      /shard 1\/2 is given twice/,
    );
    expect(() => mergeResults([halves[0] as ClassResults, { ...(halves[1] as ClassResults), hidden: false }])).toThrow(
      /graded with hidden tests false.*grade every shard with the same workbook and options/,
    );
  });

  test("a malformed shard is refused with the spelling to use", () => {
    for (const bad of ["0/2", "3/2", "1", "a/b", "1/0"])
      expect(() => parseShard(bad)).toThrow(/write i\/n with 1 <= i <= n/);
    const members = Array.from({ length: 7 }, (_, i) => ({ student: `s${i}` }));
    const shards = [1, 2, 3].map((index) => pickShard(members, { index, count: 3 }).map((m) => m.student));
    expect(shards.flat().sort()).toEqual(members.map((m) => m.student));
    expect(shards.map((s) => s.length)).toEqual([3, 2, 2]);
  });
});

describe("performance", () => {
  test("benches run for submissions that pass every test, and naive earns fewer performance points", async () => {
    const measured = await gradeClass(options({ bench: true }));
    expect(measured.work).toMatchObject({ testRuns: 0, benches: 3 }); // reference, naive, the resubmitted stub
    const reference = studentOf(measured, "reference");
    const naive = studentOf(measured, "naive");
    expect(reference.workloads.length).toBeGreaterThan(0);
    expect(naive.performance).toBeLessThan(reference.performance);
    expect(studentOf(measured, "wrong").performanceNote).toMatch(/counts once every test passes/);
  });
});

describe("reports", () => {
  test("the CSV has a row per student with each exercise and skill, and defuses formula-like names", () => {
    const hostile: ClassResults = {
      ...whole,
      students: [{ ...(whole.students[0] as ClassResults["students"][0]), student: '=HYPERLINK("x"),"a' }],
    };
    const csv = classCsv(whole).split("\r\n");
    expect(csv[0]).toMatch(/^student,total,01-partitioning\/partitioners,skill: /);
    expect(csv.filter((line) => line.length > 0)).toHaveLength(whole.students.length + 1);
    expect(classCsv(hostile).split("\r\n")[1]).toMatch(/^"'=HYPERLINK\(""x""\),""a",/);
  });

  test("a roster refuses a path that is not a folder", () => {
    const file = path.join(scratch, "a-file");
    writeFileSync(file, "");
    expect(() => readRoster(file)).toThrow(/is not a folder: give the folder that holds one subfolder per student/);
  });
});
