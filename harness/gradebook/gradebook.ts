/**
 * Grades a class: every exercise of every student's submission, each in a jest process of its own
 * with a time limit from the reference's own time and a memory limit, so nothing one student
 * writes can stop, slow or poison another's grade.
 *
 * Three phases, so that measurements stay honest: the reference's times (for the limits), then
 * every test run on `jobs` processes at once, then the benches one at a time with nothing else
 * running (two benches at once would measure each other). Every result is cached under a key of
 * the student's code and the exercise's files (fingerprint.ts), so identical code is graded once,
 * a re-run grades only what changed, and a killed run continues where it stopped.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Exercise } from "../catalog/catalog";
import { hasBudgets } from "../catalog/exercise-meta";
import { DEFAULT_BENCH_TIME_LIMIT_MS, runBench } from "../bench/run-bench";
import { forEachConcurrently } from "../run/concurrency";
import { DEFAULT_TEST_LIMITS, runExerciseTests, type TestRunResult } from "../run/run-tests";
import { everyTestPasses, scoreCorrectness, scoreExercise, scoreWorkbook, type WorkbookScore } from "../score/score";
import { exerciseFingerprint, submissionFingerprint, workbookVersion } from "./fingerprint";
import { limitsFromReference, type GradingLimits } from "./limits";
import { ResultCache, type GradedRun } from "./result-cache";
import { readRoster, type Submission } from "./roster";
import { pickShard, type Shard } from "./shard";

export interface GradebookOptions {
  classFolder: string;
  exercises: Exercise[];
  /** Run the hidden tests too (an instructor's grade); true unless asked otherwise. */
  hidden: boolean;
  bench: boolean;
  /** Test processes at once. */
  jobs: number;
  shard?: Shard;
  cacheDir: string;
  /** Grade everything again, ignoring (and replacing) cached results. */
  fresh?: boolean;
  memoryLimitMb?: number;
  onProgress?: (progress: GradebookProgress) => void;
  /** Milliseconds, for the estimate of the time left. */
  now?: () => number;
}

export interface GradebookProgress {
  phase: "reference" | "tests" | "bench";
  done: number;
  total: number;
  /** Runs in this phase that ended in a crash (tests) or an error (bench). */
  failures: number;
  studentsDone: number;
  students: number;
  /** Estimated time left in this phase, once something has finished. */
  etaMs?: number;
  /** What just finished, in a few words. */
  last: string;
}

export interface StudentResult {
  student: string;
  workbook: WorkbookScore;
}

export interface ClassResults {
  format: 1;
  workbookVersion: string;
  generatedAt: string;
  hidden: boolean;
  bench: boolean;
  /** "i/n" when these are one shard's results. */
  shard?: string;
  exercises: string[];
  students: StudentResult[];
  /** Subfolders that were not graded, and why. */
  problems: { student: string; message: string }[];
  /** How the results were got: runs made now and taken from the cache. */
  work: { testRuns: number; benches: number; cached: number; elapsedMs: number };
}

interface Job {
  key: string;
  exercise: Exercise;
  /** The first such student's folder laid out like exercises/: the grading target. */
  target: string;
  srcDir: string;
  /** The students whose code this is (identical code is graded once). */
  students: string[];
  result?: GradedRun;
}

export async function gradeClass(options: GradebookOptions): Promise<ClassResults> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const roster = readRoster(options.classFolder);
  const submissions = options.shard ? pickShard(roster.submissions, options.shard) : roster.submissions;
  const cache = new ResultCache(options.cacheDir);
  const jobs = plan(submissions, options, cache);
  const unique = [...new Set(jobs.values())];
  const cached = unique.filter((job) => job.result !== undefined).length;
  const progress = new ProgressCounter(submissions, jobs, options.bench, options.onProgress, now);

  // 1. The reference's time for every exercise a run is still due on.
  const due = unique.filter((job) => job.result === undefined);
  const limits = await referenceLimits([...new Set(due.map((job) => job.exercise))], options, cache, progress);

  // 2. The tests, `jobs` processes at once.
  progress.startPhase("tests", due.length);
  await forEachConcurrently(due, options.jobs, async (job) => {
    const run = await testsOf(job, options, limits.get(job.exercise) as GradingLimits);
    job.result = { exercise: job.exercise.id, run, gradedAt: new Date().toISOString() };
    cache.put(job.key, job.result);
    progress.finished(job, run.crash !== undefined, describeRun(run));
  });

  // 3. The benches, one at a time.
  const toMeasure = options.bench
    ? unique.filter((job) => hasBudgets(job.exercise) && needsBench(job.result as GradedRun))
    : [];
  progress.startPhase("bench", toMeasure.length);
  for (const job of toMeasure) {
    const bench = await runBench(job.exercise, { target: job.target, timeLimitMs: DEFAULT_BENCH_TIME_LIMIT_MS });
    job.result = { ...(job.result as GradedRun), bench };
    cache.put(job.key, job.result);
    const failed = bench.workloads.some((w) => w.error !== undefined);
    progress.finished(
      job,
      failed,
      bench.workloads.map((w) => `${w.name} ${w.error ? "x" : w.ratio.toFixed(2)}`).join(", "),
    );
  }

  return {
    format: 1,
    workbookVersion: workbookVersion(),
    generatedAt: new Date().toISOString(),
    hidden: options.hidden,
    bench: options.bench,
    ...(options.shard ? { shard: `${options.shard.index}/${options.shard.count}` } : {}),
    exercises: options.exercises.map((e) => e.id),
    students: submissions.map((submission) => ({
      student: submission.student,
      workbook: scoreWorkbook(
        options.exercises.map((exercise) => {
          const result = (jobs.get(jobId(submission, exercise)) as Job).result as GradedRun;
          return scoreExercise(exercise, result.run, options.bench ? result.bench : undefined);
        }),
      ),
    })),
    problems: roster.problems,
    work: { testRuns: due.length, benches: toMeasure.length, cached, elapsedMs: now() - started },
  };
}

const jobId = (submission: Submission, exercise: Exercise): string => `${submission.student}\0${exercise.id}`;

/** One job per distinct (exercise, code) pair, indexed by student and exercise; cached results attached. */
function plan(submissions: Submission[], options: GradebookOptions, cache: ResultCache): Map<string, Job> {
  const byKey = new Map<string, Job>();
  const jobs = new Map<string, Job>();
  for (const exercise of options.exercises) {
    const exerciseKey = exerciseFingerprint(exercise);
    for (const submission of submissions) {
      const handedIn = path.join(submission.exercisesDir, exercise.meta.track, exercise.meta.slug, "src");
      // An exercise missing from a submission is the untouched stub: not started, like any other.
      const missing = !existsSync(handedIn);
      const srcDir = missing ? exercise.srcDir : handedIn;
      const key = createHash("sha256")
        .update(`${exerciseKey}\0${submissionFingerprint(srcDir)}\0hidden=${options.hidden}`)
        .digest("hex");
      let job = byKey.get(key);
      if (job === undefined) {
        const result = options.fresh ? undefined : cache.get(key);
        const target = missing ? "exercises" : submission.exercisesDir;
        job = { key, exercise, target, srcDir, students: [], ...(result ? { result } : {}) };
        byKey.set(key, job);
      }
      job.students.push(submission.student);
      jobs.set(jobId(submission, exercise), job);
    }
  }
  return jobs;
}

/** Each exercise's limits, from the reference's time (measured once per version of the exercise). */
async function referenceLimits(
  exercises: Exercise[],
  options: GradebookOptions,
  cache: ResultCache,
  progress: ProgressCounter,
): Promise<Map<Exercise, GradingLimits>> {
  const limits = new Map<Exercise, GradingLimits>();
  progress.startPhase("reference", exercises.length);
  await forEachConcurrently(exercises, options.jobs, async (exercise) => {
    const key = `reference-${createHash("sha256")
      .update(`${exerciseFingerprint(exercise)}\0hidden=${options.hidden}`)
      .digest("hex")}`;
    let timed = cache.get(key);
    if (timed === undefined) {
      const run = await runExerciseTests(exercise, {
        target: "solutions",
        includeHidden: options.hidden,
        ...DEFAULT_TEST_LIMITS,
      });
      timed = { exercise: exercise.id, run, gradedAt: new Date().toISOString() };
      if (run.crash === undefined) cache.put(key, timed);
    }
    limits.set(exercise, limitsFromReference(timed.run.elapsedMs, options.memoryLimitMb));
    progress.finishedReference(exercise, timed.run);
  });
  return limits;
}

function testsOf(job: Job, options: GradebookOptions, limits: GradingLimits): Promise<TestRunResult> {
  return runExerciseTests(job.exercise, {
    target: job.target,
    includeHidden: options.hidden,
    timeLimitMs: limits.timeLimitMs,
    timeLimitReason: limits.timeLimitReason,
    memoryLimitMb: limits.memoryLimitMb,
    outputLimitBytes: DEFAULT_TEST_LIMITS.outputLimitBytes,
  });
}

function needsBench(result: GradedRun): boolean {
  return (
    result.bench === undefined && result.run.crash === undefined && everyTestPasses(scoreCorrectness(result.run.cases))
  );
}

function describeRun(run: TestRunResult): string {
  if (run.crash !== undefined) return `crashed: ${run.crash}`;
  const c = scoreCorrectness(run.cases);
  return `${c.passed}/${c.total} tests pass`;
}

/** Counts what is done and estimates the time left, for the caller's progress display. */
class ProgressCounter {
  private phase: GradebookProgress["phase"] = "reference";
  private done = 0;
  private total = 0;
  private failures = 0;
  private phaseStarted = 0;
  private readonly byStudent = new Map<string, Job[]>();

  constructor(
    submissions: Submission[],
    jobs: Map<string, Job>,
    private readonly bench: boolean,
    private readonly report: ((progress: GradebookProgress) => void) | undefined,
    private readonly now: () => number,
  ) {
    for (const submission of submissions) this.byStudent.set(submission.student, []);
    for (const job of new Set(jobs.values()))
      for (const student of job.students) this.byStudent.get(student)?.push(job);
  }

  startPhase(phase: GradebookProgress["phase"], total: number): void {
    this.phase = phase;
    this.done = 0;
    this.failures = 0;
    this.total = total;
    this.phaseStarted = this.now();
  }

  finishedReference(exercise: Exercise, run: TestRunResult): void {
    this.step(run.crash !== undefined, `reference ${exercise.id} in ${(run.elapsedMs / 1000).toFixed(1)} s`);
  }

  finished(job: Job, failed: boolean, what: string): void {
    this.step(failed, `${job.exercise.id} of ${job.students.join(", ")}: ${what}`);
  }

  private step(failed: boolean, last: string): void {
    this.done += 1;
    if (failed) this.failures += 1;
    const elapsed = this.now() - this.phaseStarted;
    this.report?.({
      phase: this.phase,
      done: this.done,
      total: this.total,
      failures: this.failures,
      studentsDone: this.studentsDone(),
      students: this.byStudent.size,
      etaMs: (elapsed / this.done) * (this.total - this.done),
      last,
    });
  }

  /** Students none of whose exercises still waits for a test run or a bench. */
  private studentsDone(): number {
    let done = 0;
    for (const jobs of this.byStudent.values())
      if (
        jobs.every(
          (job) => job.result !== undefined && !(this.bench && hasBudgets(job.exercise) && needsBench(job.result)),
        )
      )
        done += 1;
    return done;
  }
}
