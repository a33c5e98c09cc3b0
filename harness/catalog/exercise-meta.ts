/**
 * exercise.json: the manifest entry of one exercise, its schema, and how it is read.
 *
 * A malformed file is a CatalogError naming the file, the field and the fix, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

/** The four self-evaluation areas a system-design interview scores; every exercise feeds one or more. */
export const SKILLS = [
  "Architecture design",
  "Distributed systems",
  "Data management",
  "Reliability and performance",
] as const;
export type Skill = (typeof SKILLS)[number];

/**
 * pure: in-process code, micro-benchmarked; http: a real node:http server; sim: nodes on the
 * simulated network; ws: a real WebSocket server; sql: a real SQLite file.
 */
export const KINDS = ["pure", "http", "ws", "sim", "sql"] as const;
export type ExerciseKind = (typeof KINDS)[number];

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const TRACK_PATTERN = /^\d\d-[a-z0-9]+(-[a-z0-9]+)*$/;

export const exerciseMetaSchema = z
  .object({
    slug: z.string().regex(SLUG_PATTERN, "must be lower-case words joined by '-', like consistent-hashing"),
    title: z.string().min(3),
    track: z.string().regex(TRACK_PATTERN, "must look like 01-partitioning"),
    kind: z.enum(KINDS),
    difficulty: z.number().int().min(1).max(5),
    estimatedMinutes: z.number().int().positive(),
    prerequisites: z.array(z.string().regex(SLUG_PATTERN)),
    /** The system-design topic the exercise comes from, in words a reader can look up. */
    topic: z.string().min(10),
    skills: z.array(z.enum(SKILLS)).min(1),
    /** The src/ module the bench loads for each side, without .ts. */
    entry: z.string().regex(SLUG_PATTERN, "names the src/ module the bench measures, without .ts"),
    /** Workload name (as bench.ts declares it) to the least ratio to the reference that earns full marks. */
    budgets: z.record(z.string().min(1), z.number().gt(0).max(1)),
    /**
     * What a graded submission may import beyond its kind's list (harness/resolve/submission-rules.cjs):
     * a given harness helper such as "#kata/small-lru", or a package the exercise is built on.
     */
    allowedImports: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type ExerciseMeta = z.infer<typeof exerciseMetaSchema>;

/**
 * Whether speed is part of the grade. An exercise whose budgets is {} (a calculator, a design
 * worked on paper) is graded on correctness alone: 100 points for the tests, no naive/ to miss.
 */
export function hasBudgets(exercise: { meta: Pick<ExerciseMeta, "budgets"> }): boolean {
  return Object.keys(exercise.meta.budgets).length > 0;
}

export class CatalogError extends Error {
  override readonly name = "CatalogError";
}

/** The first problem zod found, as one sentence naming the field. */
export function describeZodIssue(file: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join(".") : "(top level)";
  return `${file}: ${where} ${issue?.message ?? "is invalid"}; see docs/authoring.md for every field`;
}

/** Reads a JSON file, or throws a CatalogError that says what is wrong with it. */
export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new CatalogError(`${file} is not valid JSON (${why}); fix the syntax, then run again`);
  }
}

/** Reads and validates one exercise.json; `folder` is checked against the slug and track it declares. */
export function readExerciseMeta(file: string, folder: { track: string; slug: string }): ExerciseMeta {
  const parsed = exerciseMetaSchema.safeParse(readJson(file));
  if (!parsed.success) throw new CatalogError(describeZodIssue(file, parsed.error));
  const meta = parsed.data;
  if (meta.slug !== folder.slug || meta.track !== folder.track) {
    throw new CatalogError(
      `${file} says ${meta.track}/${meta.slug} but lives in ${folder.track}/${folder.slug}; the folder names and the file must agree`,
    );
  }
  return meta;
}
