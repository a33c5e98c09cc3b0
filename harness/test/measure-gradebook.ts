/**
 * What grading a class costs on this machine (npm run measure:gradebook): a seeded class graded
 * over every exercise with one test process and with one per core, a resumed run after one
 * student resubmits, the benches of the whole class, and the spread of one submission's
 * performance score graded several times. Each step prints the command it ran, so the figures can
 * be reproduced by hand. Wall-clock figures belong here, never in a test; run it on a quiet
 * machine (nothing else running), or the -j comparison and the spread measure the neighbours.
 *
 *   npm run measure:gradebook -- [--students 30] [--repeat 5] [--parts serial,parallel,resume,benches,spread]
 *                                [--exercises lru-cache,ttl-cache]
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadCatalog, selectExercises } from "../catalog/catalog";
import targets from "../resolve/targets.cjs";
import type { ClassResults } from "../gradebook/gradebook";
import { RESULTS_FILE } from "../gradebook/class-reports";
import { PERFORMANCE_POINTS } from "../score/score";
import { Prng } from "../sim/prng";
import { makeSeededClass, SUBMISSION_KINDS, writeSubmission } from "./seeded-class";

const PARTS = ["serial", "parallel", "resume", "benches", "spread"] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    students: { type: "string", default: "30" },
    repeat: { type: "string", default: "5" },
    parts: { type: "string", default: PARTS.join(",") },
    dir: { type: "string", default: path.join(os.tmpdir(), "kata-measure-gradebook") },
    /** A few exercises by name, to try the script quickly; the figures are for all of them. */
    exercises: { type: "string", default: "" },
  },
});
const students = Number(values.students);
const repeat = Number(values.repeat);
const parts = new Set(values.parts.split(",") as Part[]);
for (const part of parts)
  if (!PARTS.includes(part)) throw new Error(`--parts: "${part}" is not one of ${PARTS.join(", ")}`);
const work = values.dir;
const exercises = selectExercises(loadCatalog(), values.exercises.split(",").filter(Boolean));

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Runs `kata <args>` as a user would, and returns its wall time in seconds. */
function kata(args: string[]): number {
  say(`$ npx kata ${args.map((a) => (a.includes(" ") ? JSON.stringify(a) : a)).join(" ")}`);
  const started = performance.now();
  const run = spawnSync("npx", ["tsx", path.join(targets.REPO_ROOT, "harness", "cli", "main.ts"), ...args], {
    cwd: targets.REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CI: "true" },
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0 && run.status !== 1) throw new Error(`kata ${args[0] ?? ""} ended with ${String(run.status)}`);
  return seconds;
}

function results(out: string): ClassResults {
  return JSON.parse(readFileSync(path.join(out, RESULTS_FILE), "utf8")) as ClassResults;
}

function describeWork(out: string, seconds: number): string {
  const { work: w, students: graded } = results(out);
  return `${seconds.toFixed(0)} s (${(seconds / 60).toFixed(1)} min): ${graded.length} students, ${w.testRuns} test runs, ${w.benches} benches, ${w.cached} taken from the cache`;
}

rmSync(work, { recursive: true, force: true });
const classDir = path.join(work, "class");
const seeded = makeSeededClass(classDir, { students, seed: 7, exercises });
const handedIn = new Map<string, number>();
for (const kinds of seeded.kinds.values())
  for (const kind of kinds.values()) handedIn.set(kind, (handedIn.get(kind) ?? 0) + 1);
say(`# grading a seeded class of ${students} over ${exercises.length} exercises on ${os.cpus().length} cores`);
say(`handed in: ${SUBMISSION_KINDS.map((k) => `${k} ${handedIn.get(k) ?? 0}`).join(", ")}\n`);

const only = values.exercises === "" ? [] : ["-e", values.exercises];
const gradebook = (label: string, extra: string[]): string[] => [
  "gradebook",
  classDir,
  ...only,
  "--cache",
  path.join(work, `cache-${label}`),
  "-o",
  path.join(work, `out-${label}`),
  ...extra,
];

if (parts.has("serial")) {
  const seconds = kata(gradebook("j1", ["-j", "1", "--no-bench", "--fresh"]));
  say(`tests, one process at a time: ${describeWork(path.join(work, "out-j1"), seconds)}\n`);
}
if (parts.has("parallel") || parts.has("resume") || parts.has("benches")) {
  const jobs = String(os.cpus().length);
  const seconds = kata(gradebook("jn", ["-j", jobs, "--no-bench", "--fresh"]));
  say(`tests, ${jobs} processes at a time: ${describeWork(path.join(work, "out-jn"), seconds)}\n`);

  if (parts.has("resume")) {
    // One student resubmits one exercise: a different design than before.
    const [student, kinds] = [...seeded.kinds.entries()][1] as [string, Map<string, string>];
    const exercise = exercises[0] as (typeof exercises)[number];
    const before = kinds.get(exercise.id);
    const after = before === "reference" ? "wrong" : "reference";
    const root = students > 1 ? path.join(classDir, student) : classDir;
    const src = path.join(root, exercise.meta.track, exercise.meta.slug, "src");
    rmSync(src, { recursive: true, force: true });
    writeSubmission(src, exercise, after, student, new Prng(1));
    say(`${student} hands in ${exercise.id} again (${String(before)} -> ${after})`);
    const resumed = kata(gradebook("jn", ["-j", jobs, "--no-bench"]));
    say(`resumed run: ${describeWork(path.join(work, "out-jn"), resumed)}\n`);
  }
  if (parts.has("benches")) {
    const benches = kata(gradebook("jn", ["-j", jobs]));
    say(`the class's benches (tests from the cache): ${describeWork(path.join(work, "out-jn"), benches)}\n`);
  }
}

if (parts.has("spread")) {
  // One correct but slow submission (naive/ in every exercise), benches included, graded afresh each
  // time. Not the reference: it clears every budget by 1.25x, so its points are capped at the
  // maximum and cannot spread; a slow design's points are proportional to its ratio, and move with
  // every wobble of the measurement.
  const oneDir = path.join(work, "one");
  makeSeededClass(oneDir, { students: 1, seed: 7, exercises, choose: () => "naive" });
  const performance = new Map<string, number[]>();
  const totals: number[] = [];
  for (let round = 1; round <= repeat; round++) {
    const out = path.join(work, `out-one-${round}`);
    const seconds = kata(["gradebook", oneDir, ...only, "--fresh", "--cache", path.join(work, "cache-one"), "-o", out]);
    const student = results(out).students[0];
    if (!student) throw new Error("the one submission was not graded");
    for (const e of student.workbook.exercises) {
      const points = e.performance * PERFORMANCE_POINTS;
      performance.set(e.id, [...(performance.get(e.id) ?? []), points]);
    }
    totals.push(student.workbook.score);
    say(`round ${round}: ${seconds.toFixed(0)} s`);
  }
  say(
    `\nperformance points (of ${PERFORMANCE_POINTS}) of one naive submission graded ${repeat} times, per exercise with a budget:`,
  );
  say("| exercise | min | max | spread |\n|---|---|---|---|");
  let widest = 0;
  for (const [id, points] of performance) {
    if (points.every((p) => p === 0)) continue;
    const spread = Math.max(...points) - Math.min(...points);
    widest = Math.max(widest, spread);
    say(`| ${id} | ${Math.min(...points).toFixed(1)} | ${Math.max(...points).toFixed(1)} | ${spread.toFixed(1)} |`);
  }
  say(`widest spread: ${widest.toFixed(1)} points of ${PERFORMANCE_POINTS}`);
  say(`workbook score: ${Math.min(...totals).toFixed(1)} to ${Math.max(...totals).toFixed(1)} of 100`);
}
