/**
 * Puts shards' results back together (`kata gradebook merge`): the same reports as one run over the
 * whole class, once every shard is there and all were graded the same way.
 */
import { GradebookError } from "./errors";
import type { ClassResults } from "./gradebook";

export function mergeResults(parts: readonly ClassResults[]): ClassResults {
  const first = parts[0];
  if (first === undefined) throw new GradebookError("MERGE", "nothing to merge: give the shards' output folders");
  for (const part of parts) {
    const differs = (what: string, a: unknown, b: unknown): void => {
      if (JSON.stringify(a) !== JSON.stringify(b))
        throw new GradebookError(
          "MERGE",
          `shard ${part.shard ?? "(unsharded)"} was graded with ${what} ${JSON.stringify(b)}, shard ${first.shard ?? "(unsharded)"} with ${JSON.stringify(a)}: grade every shard with the same workbook and options`,
        );
    };
    differs("workbook", first.workbookVersion, part.workbookVersion);
    differs("exercises", first.exercises, part.exercises);
    differs("hidden tests", first.hidden, part.hidden);
    differs("benches", first.bench, part.bench);
  }
  checkShards(parts);
  const students = parts.flatMap((part) => part.students);
  const seen = new Set<string>();
  for (const s of students) {
    if (seen.has(s.student))
      throw new GradebookError("MERGE", `${s.student} is in two of the shards: merge each shard's output once`);
    seen.add(s.student);
  }
  // Problems (folders that are not submissions) are found by every shard: keep one of each.
  const problems = new Map(parts.flatMap((part) => part.problems).map((p) => [p.student, p]));
  return {
    format: 1,
    workbookVersion: first.workbookVersion,
    generatedAt: parts
      .map((p) => p.generatedAt)
      .sort()
      .at(-1) as string,
    hidden: first.hidden,
    bench: first.bench,
    exercises: first.exercises,
    students: students.sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0)),
    problems: [...problems.values()],
    work: {
      testRuns: sum(parts.map((p) => p.work.testRuns)),
      benches: sum(parts.map((p) => p.work.benches)),
      cached: sum(parts.map((p) => p.work.cached)),
      elapsedMs: Math.max(...parts.map((p) => p.work.elapsedMs)),
    },
  };
}

/** Every shard i/n of one n, each once. */
function checkShards(parts: readonly ClassResults[]): void {
  const shards = parts.map((p) => p.shard);
  if (shards.every((s) => s === undefined) && parts.length === 1) return;
  if (shards.some((s) => s === undefined))
    throw new GradebookError(
      "MERGE",
      "an unsharded result cannot be merged with shards: merge the --shard i/n outputs only",
    );
  const counts = new Set(shards.map((s) => (s as string).split("/")[1]));
  if (counts.size > 1)
    throw new GradebookError(
      "MERGE",
      `the shards split the class differently (${shards.join(", ")}): use one n for all`,
    );
  const twice = shards.filter((s, i) => shards.indexOf(s) !== i);
  if (twice.length > 0)
    throw new GradebookError("MERGE", `shard ${twice.join(", ")} is given twice: merge each shard's output once`);
  const n = Number([...counts][0]);
  const missing = Array.from({ length: n }, (_, i) => `${i + 1}/${n}`).filter((s) => !shards.includes(s));
  if (missing.length > 0)
    throw new GradebookError(
      "MERGE",
      `shard ${missing.join(", ")} is missing: merge every shard's output, or grade the missing ones first`,
    );
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
