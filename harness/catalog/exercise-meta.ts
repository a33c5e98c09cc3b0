/**
 * exercise.json: the manifest entry of one exercise, its schema, and how it is read.
 *
 * A malformed file is a CatalogError naming the file, the field and the fix, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

/** The self-evaluation areas of seed E; every exercise feeds one or more. */
export const SKILLS = ["Architecture design", "Distributed systems", "Data management", "Reliability and performance"] as const;
export type Skill = (typeof SKILLS)[number];

/** pure: in-process code, micro-benchmarked; http: a real node:http server; sim: nodes on harness/sim. */
export const KINDS = ["pure", "http", "ws", "sim", "sql"] as const;
export type ExerciseKind = (typeof KINDS)[number];

const SEED_FILES = ["A", "B", "C", "D", "E"] as const;

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const exerciseMetaSchema = z
  .object({
    slug: z.string().regex(slugPattern, "must be lower-case words joined by '-', like consistent-hashing"),
    title: z.string().min(3),
    track: z.string().regex(/^\d\d-[a-z0-9-]+$/, "must look like 01-partitioning"),
    order: z.number().int().positive(),
    kind: z.enum(KINDS),
    difficulty: z.number().int().min(1).max(5),
    estimatedMinutes: z.number().int().positive(),
    prerequisites: z.array(z.string().regex(slugPattern)),
    seed: z.object({ file: z.enum(SEED_FILES), section: z.string().min(3) }).strict(),
    skills: z.array(z.enum(SKILLS)).min(1),
    entry: z.string().regex(/^[a-z0-9-]+$/, "names the src/ module naive.ts replaces, without .ts"),
    budgets: z.record(z.string().min(1), z.number().gt(0).max(1)),
  })
  .strict();

export type ExerciseMeta = z.infer<typeof exerciseMetaSchema>;

export class CatalogError extends Error {
  override readonly name = "CatalogError";
}

/** Reads and validates one exercise.json; `folder` is checked against the slug and track it declares. */
export function readExerciseMeta(file: string, folder: { track: string; slug: string }): ExerciseMeta {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new CatalogError(`${file} is not valid JSON (${why}); fix the syntax, then run again`);
  }
  const parsed = exerciseMetaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "(top level)";
    throw new CatalogError(`${file}: ${where} ${issue?.message ?? "is invalid"}; see docs/authoring.md for every field`);
  }
  const meta = parsed.data;
  if (meta.slug !== folder.slug || meta.track !== folder.track) {
    throw new CatalogError(
      `${file} says ${meta.track}/${meta.slug} but lives in ${folder.track}/${folder.slug}; the folder names and the file must agree`,
    );
  }
  return meta;
}
