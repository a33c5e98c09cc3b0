/**
 * `kata gradebook <folder>`: a class at once, with progress and reports; `kata gradebook merge`:
 * shards' results into one set of reports.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Exercise } from "../../catalog/catalog";
import targets from "../../resolve/targets.cjs";
import { mergeResults } from "../../gradebook/class-merge";
import { readClassResults, writeClassReports } from "../../gradebook/class-reports";
import { gradeClass, type ClassResults, type GradebookProgress } from "../../gradebook/gradebook";
import { DEFAULT_MEMORY_LIMIT_MB } from "../../gradebook/limits";
import { parseShard } from "../../gradebook/shard";

export interface GradebookCommandOptions {
  jobs?: number;
  shard?: string;
  bench: boolean;
  hidden: boolean;
  out?: string;
  fresh: boolean;
  memory?: number;
  cache?: string;
}

export const DEFAULT_CACHE_DIR = path.join(targets.REPO_ROOT, ".kata", "gradebook-cache");

export async function gradebookCommand(
  folder: string,
  exercises: Exercise[],
  options: GradebookCommandOptions,
): Promise<number> {
  const shard = options.shard !== undefined ? parseShard(options.shard) : undefined;
  const jobs = options.jobs ?? availableParallelism();
  const out = path.resolve(
    options.out ?? `${path.resolve(folder)}-gradebook${shard ? `-shard-${shard.index}-of-${shard.count}` : ""}`,
  );
  process.stderr.write(
    `grading ${path.resolve(folder)}: ${exercises.length} exercise(s), ${jobs} test process(es) at once` +
      `${shard ? `, shard ${shard.index}/${shard.count}` : ""}${options.hidden ? ", hidden tests included" : ""}` +
      `${options.bench ? ", then benches one at a time" : ", no benches"}\n`,
  );
  const results = await gradeClass({
    classFolder: folder,
    exercises,
    hidden: options.hidden,
    bench: options.bench,
    jobs,
    ...(shard ? { shard } : {}),
    cacheDir: path.resolve(options.cache ?? DEFAULT_CACHE_DIR),
    fresh: options.fresh,
    memoryLimitMb: options.memory ?? DEFAULT_MEMORY_LIMIT_MB,
    onProgress: (progress) => process.stderr.write(`${progressLine(progress)}\n`),
  });
  return finish(results, out, path.basename(path.resolve(folder)));
}

export function gradebookMergeCommand(dirs: string[], options: { out: string }): number {
  const results = mergeResults(dirs.map((dir) => readClassResults(dir)));
  return finish(results, path.resolve(options.out), path.basename(path.resolve(options.out)));
}

function finish(results: ClassResults, out: string, title: string): number {
  const written = writeClassReports(results, out, title);
  const { work } = results;
  process.stdout.write(
    `${results.students.length} student(s) graded in ${formatDuration(work.elapsedMs)}: ${work.testRuns} test run(s) and ${work.benches} bench(es) now, ${work.cached} result(s) from the cache\n`,
  );
  for (const s of results.students) {
    const broken = s.workbook.exercises.filter((e) => e.crash !== undefined).length;
    process.stdout.write(
      `  ${s.student.padEnd(24)} ${s.workbook.score.toFixed(1).padStart(5)}${broken > 0 ? `  (${broken} crashed)` : ""}\n`,
    );
  }
  for (const p of results.problems) process.stdout.write(`  ${p.student.padEnd(24)} not graded: ${p.message}\n`);
  process.stdout.write(
    `reports in ${out}: ${written.filter((f) => !f.startsWith("junit")).join(", ")} and junit/<student>.xml\n`,
  );
  return 0;
}

export function progressLine(p: GradebookProgress): string {
  const eta = p.etaMs !== undefined && p.done < p.total ? `, about ${formatDuration(p.etaMs)} left` : "";
  const what = p.phase === "reference" ? "reference timings" : p.phase === "tests" ? "test runs" : "benches";
  return `[${what} ${p.done}/${p.total}] ${p.studentsDone}/${p.students} students done, ${p.failures} failure(s)${eta} | ${p.last}`;
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}
