/**
 * `npm run verify`: the project's own tests, the maintainers' check that every exercise is what
 * docs/design.md's definition of done says. Ends with the line `verify: N passed, N failed`.
 *
 * It runs in three phases, each as fast as its noise allows:
 *   1. checks that read files: the catalog, each exercise's anatomy, README, generated tables,
 *      bench workloads against budgets, wrong-design manifests, imports;
 *   2. jobs on both cores: the type checker, the linter, the harness's own tests, and the
 *      exercises' tests in one jest process per target (the stub, the reference copied into a
 *      learner's src/, naive, and the k-th wrong design of every exercise at once): jest's
 *      start-up is paid once per target, not once per exercise;
 *   3. benches, one at a time with nothing else running: the reference against itself in both load
 *      orders (combined, as kata bench does), naive in the one order that favours it (if it still
 *      misses the budget there, it surely does: see BenchOptions.singleOrder).
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pc from "picocolors";
import { readCatalog, selectExercises, type Exercise } from "../catalog/catalog";
import type { WrongDesign } from "../catalog/wrong-designs";
import { forEachConcurrently } from "../run/concurrency";
import { exerciseResult, runTestFiles, type FilesRun, type TestRunResult } from "../run/run-tests";
import { staticChecks, wrongDesignCheck, type Check } from "./exercise-checks";
import { budgetChecks, measuresOnlyVirtualTime } from "./budget-checks";
import { projectChecks, type VerifyJob } from "./project-checks";

export interface VerifyOptions {
  skipBench: boolean;
  /** Exercises, tracks or `<track>/<slug>` ids; all when empty. Project-wide checks run only for all. */
  names: string[];
}

class Recorder {
  readonly results: Check[] = [];

  record(check: Check): void {
    this.results.push(check);
    const mark = check.ok ? pc.green("PASS") : pc.red("FAIL");
    process.stdout.write(`${mark} ${check.name}${check.detail ? pc.dim(` - ${check.detail}`) : ""}\n`);
  }
}

/** Where verify's time goes: each phase, and the slowest jobs, so a slow exercise is found by name. */
class Timings {
  private readonly phases: [string, number][] = [];
  private readonly jobs: [string, number][] = [];

  async phase<T>(label: string, work: () => Promise<T>): Promise<T> {
    return this.timed(this.phases, label, work);
  }

  async job<T>(label: string, work: () => Promise<T>): Promise<T> {
    return this.timed(this.jobs, label, work);
  }

  summary(): string {
    const s = (ms: number): string => `${(ms / 1000).toFixed(0)} s`;
    const slowest = [...this.jobs].sort((a, b) => b[1] - a[1]).slice(0, 5);
    return [
      this.phases.map(([label, ms]) => `${label} ${s(ms)}`).join(", "),
      slowest.length ? `slowest: ${slowest.map(([label, ms]) => `${label} ${s(ms)}`).join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ");
  }

  private async timed<T>(into: [string, number][], label: string, work: () => Promise<T>): Promise<T> {
    const start = Date.now();
    try {
      return await work();
    } finally {
      into.push([label, Date.now() - start]);
    }
  }
}

const BATCH_LIMITS = { timeLimitMs: 900_000, outputLimitBytes: 32 << 20 };

/** One jest process: these exercises' tests against one target, with what to conclude from it. */
interface TestBatch {
  label: string;
  target: string;
  exercises: Exercise[];
  includeHidden: boolean;
  judge: (exercise: Exercise, run: TestRunResult) => Check[];
  /** For wrong designs: what names each exercise's mistake; its remaining tests are skipped once a failure does. */
  stopWhenCaught?: (exercise: Exercise) => string;
}

const STOP_WHEN_CAUGHT_ENVIRONMENT = path.join(__dirname, "..", "run", "stop-when-caught-environment.ts");

export async function verifyCommand(options: VerifyOptions): Promise<number> {
  const started = Date.now();
  const timings = new Timings();
  const recorder = new Recorder();
  const catalog = readCatalog();
  const everything = options.names.length === 0;
  for (const problem of catalog.problems)
    recorder.record({ name: `${problem.where}: the catalog agrees`, ok: false, detail: problem.message });
  const exercises = selectExercises(catalog.exercises, options.names, catalog.draftExercises);

  const designs = new Map<Exercise, WrongDesign[]>();
  for (const exercise of exercises) {
    for (const check of staticChecks(exercise)) recorder.record(check);
    designs.set(exercise, wrongDesignsOf(exercise, recorder));
  }

  // Benches in virtual time only give the same figures on a busy machine: they run beside the tests.
  const deterministic = exercises.filter(measuresOnlyVirtualTime);
  const scratch = mkdtempSync(path.join(tmpdir(), "kata-verify-"));
  try {
    const batches = testBatches(exercises, designs, referenceCopy(exercises, scratch));
    const jobs: VerifyJob[] = [
      ...(everything ? projectChecks() : []),
      ...batches.map((batch) => ({ label: `tests: ${batch.label}`, run: () => runBatch(batch) })),
      ...(options.skipBench ? [] : deterministic.map(benchJob)),
    ];
    // Longest first (the harness's own tests and the type checker), so both cores stay busy to the end.
    await timings.phase("tests and project checks (2 cores)", () =>
      forEachConcurrently(jobs, 2, async (job) => {
        for (const check of await timings.job(job.label, job.run)) recorder.record(check);
      }),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  if (!options.skipBench) {
    await timings.phase("benches (1 core)", async () => {
      for (const job of exercises.filter((e) => !deterministic.includes(e)).map(benchJob))
        for (const check of await timings.job(job.label, job.run)) recorder.record(check);
    });
  }

  const failed = recorder.results.filter((r) => !r.ok);
  for (const r of failed) process.stdout.write(`${pc.red("failed:")} ${r.name}: ${r.detail}\n`);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `verify took ${seconds.toFixed(0)} s for ${exercises.length} exercise(s)${everything ? " and the project's own checks" : ""}` +
      `: ${timings.summary()}\n`,
  );
  process.stdout.write(`verify: ${recorder.results.length - failed.length} passed, ${failed.length} failed\n`);
  return failed.length === 0 ? 0 : 1;
}

function benchJob(exercise: Exercise): VerifyJob {
  return { label: `bench: ${exercise.meta.slug}`, run: () => budgetChecks(exercise) };
}

function wrongDesignsOf(exercise: Exercise, recorder: Recorder): WrongDesign[] {
  const { check, designs } = wrongDesignCheck(exercise);
  recorder.record(check);
  return designs;
}

/**
 * A copy of each exercise's src/ with the reference's files laid over it: the reference dropped
 * into a learner's folder, which is how verify runs it (so a reference that reaches outside its
 * src/ fails here, not in a learner's hands).
 */
function referenceCopy(exercises: Exercise[], scratch: string): string {
  const root = path.join(scratch, "reference-copy");
  for (const exercise of exercises) {
    const into = path.join(root, exercise.meta.track, exercise.meta.slug, "src");
    cpSync(exercise.srcDir, into, { recursive: true });
    if (existsSync(exercise.referenceDir)) cpSync(exercise.referenceDir, into, { recursive: true });
  }
  return root;
}

function testBatches(exercises: Exercise[], designs: Map<Exercise, WrongDesign[]>, referenceDir: string): TestBatch[] {
  const batches: TestBatch[] = [
    { label: "the stub", target: "exercises", exercises, includeHidden: false, judge: judgeStub },
    {
      label: "the reference (copied into a learner's src/)",
      target: referenceDir,
      exercises,
      includeHidden: true,
      judge: judgeAllPass("the reference"),
    },
    {
      label: "naive",
      target: "naive",
      exercises: exercises.filter((e) => existsSync(e.naiveDir)),
      includeHidden: true,
      judge: judgeAllPass("naive/"),
    },
  ];
  const most = Math.max(0, ...exercises.map((e) => designs.get(e)?.length ?? 0));
  for (let k = 0; k < most; k++) {
    const chosen = exercises.filter((e) => (designs.get(e)?.length ?? 0) > k);
    const variantOf = (e: Exercise): WrongDesign => designs.get(e)?.[k] as WrongDesign;
    batches.push({
      label: `wrong designs #${k + 1}`,
      target: `wrong:${chosen.map((e) => `${e.meta.slug}/${variantOf(e).variant}`).join(",")}`,
      exercises: chosen,
      includeHidden: true,
      judge: (exercise, run) => [judgeWrongDesign(exercise, variantOf(exercise), run)],
      stopWhenCaught: (exercise) => variantOf(exercise).caughtBy,
    });
  }
  return batches;
}

async function runBatch(batch: TestBatch): Promise<Check[]> {
  const files = batch.exercises.flatMap((e) => (batch.includeHidden ? [e.visibleTest, e.hiddenTest] : [e.visibleTest]));
  if (files.length === 0) return [];
  const stop = batch.stopWhenCaught ? stopWhenCaught(batch.exercises, batch.stopWhenCaught) : undefined;
  const run: FilesRun = await runTestFiles(files, {
    target: batch.target,
    ...BATCH_LIMITS,
    ...(stop ? { testEnvironment: stop.testEnvironment } : {}),
    // Wrong designs fail simulated tests on purpose: no pictures of those runs in .kata/failures.
    env: { KATA_PICTURES: "off", ...stop?.env },
  });
  return batch.exercises.flatMap((exercise) =>
    batch.judge(exercise, exerciseResult(exercise, run, batch.includeHidden)),
  );
}

/** Runs the batch in the environment that skips an exercise's remaining tests once its mistake is named. */
function stopWhenCaught(
  exercises: Exercise[],
  caughtBy: (exercise: Exercise) => string,
): { testEnvironment: string; env: NodeJS.ProcessEnv } {
  const plans: Record<string, { exercise: string; caughtBy: string }> = {};
  for (const exercise of exercises)
    for (const file of [exercise.visibleTest, exercise.hiddenTest])
      plans[path.resolve(file)] = { exercise: exercise.id, caughtBy: caughtBy(exercise) };
  return { testEnvironment: STOP_WHEN_CAUGHT_ENVIRONMENT, env: { KATA_STOP_WHEN_CAUGHT: JSON.stringify(plans) } };
}

function judgeStub(exercise: Exercise, run: TestRunResult): Check[] {
  const passing = run.cases.filter((c) => c.status === "passed").map((c) => c.name);
  const untaught = run.cases.filter((c) => c.status === "failed" && c.notImplemented !== true).map((c) => c.name);
  const detail =
    run.crash ??
    (passing.length
      ? `passes against the stub: ${passing.join("; ")}`
      : untaught.length
        ? `fails without the message: ${untaught.join("; ")}`
        : `${run.cases.length} tests fail`);
  const ok = run.crash === undefined && run.cases.length > 0 && passing.length === 0 && untaught.length === 0;
  return [{ name: `${exercise.id}: the stub fails every visible test with the not-implemented message`, ok, detail }];
}

function judgeAllPass(who: string): (exercise: Exercise, run: TestRunResult) => Check[] {
  return (exercise, run) => {
    const failed = run.cases.filter((c) => c.status !== "passed");
    const hidden = run.cases.filter((c) => c.file === "hidden").length;
    const summary = `${run.cases.length - failed.length}/${run.cases.length} pass${failed[0] ? `; first failure: ${failed[0].name}: ${failed[0].message ?? ""}` : ""}`;
    return [
      {
        name: `${exercise.id}: ${who} passes visible and hidden tests`,
        ok: run.crash === undefined && run.cases.length > 0 && failed.length === 0 && hidden > 0,
        detail: run.crash ?? `${summary.slice(0, 400)}${hidden === 0 ? "; no hidden tests ran" : ""}`,
      },
    ];
  };
}

/** A wrong design must fail a test whose message names the mistake, not merely fail. */
function judgeWrongDesign(exercise: Exercise, design: WrongDesign, run: TestRunResult): Check {
  const name = `${exercise.id}: wrong design "${design.variant}" (${design.class}) is caught`;
  if (run.crash !== undefined) return { name, ok: false, detail: `the tests crashed instead of failing: ${run.crash}` };
  const failures = run.cases.filter((c) => c.status === "failed");
  const naming = new RegExp(design.caughtBy, "i");
  const caught = failures.find((c) => naming.test(c.fullMessage ?? c.message ?? ""));
  if (caught) return { name, ok: true, detail: `by "${caught.name}"` };
  if (failures.length === 0) return { name, ok: false, detail: `every test passes against it: ${design.mistake}` };
  return {
    name,
    ok: false,
    detail:
      `${failures.length} test(s) fail, but none with a message matching /${design.caughtBy}/i; first: ${failures[0]?.name}: ${failures[0]?.message ?? ""}`.slice(
        0,
        500,
      ),
  };
}
