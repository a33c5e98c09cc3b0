/**
 * solutions/<track>/<slug>/mutation.json: the mutation score of an exercise's reference against its
 * visible and hidden tests, as StrykerJS measured it, with every surviving mutant listed. A
 * survivor is either killed by a new test or kept here as equivalent, with the reason (a mutant
 * that changes nothing a caller can observe). The record names the reference it measured by a hash
 * of its files, so verify can tell a stale score from a current one without trusting dates.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Exercise } from "../catalog/catalog";
import { CatalogError, describeZodIssue, readJson } from "../catalog/exercise-meta";

/** The score every exercise must reach, equivalent mutants set aside. */
export const MUTATION_GOAL = 0.8;

const mutantSchema = z
  .object({
    file: z.string(),
    line: z.number().int(),
    mutator: z.string(),
    replacement: z.string(),
  })
  .strict();

export const mutationRecordSchema = z
  .object({
    /** sha256 of the reference's files (solutions/<track>/<slug>/src), in name order. */
    referenceHash: z.string().regex(/^[0-9a-f]{64}$/),
    measuredAt: z.string(),
    stryker: z.string(),
    killed: z.number().int().nonnegative(),
    timedOut: z.number().int().nonnegative(),
    survived: z.number().int().nonnegative(),
    noCoverage: z.number().int().nonnegative(),
    /** (killed + timedOut) / (all valid mutants - equivalent ones). */
    score: z.number().min(0).max(1),
    survivors: z.array(mutantSchema),
    /** Written by hand: survivors that change nothing observable, and why. */
    equivalent: z.array(mutantSchema.extend({ reason: z.string().min(10) }).strict()),
  })
  .strict();

export type MutationRecord = z.infer<typeof mutationRecordSchema>;
export type MutantRef = z.infer<typeof mutantSchema>;

export const recordFile = (exercise: Exercise): string => path.join(exercise.solutionDir, "mutation.json");

/** The hash that ties a record to the reference it measured. */
export function referenceHash(exercise: Exercise): string {
  const hash = createHash("sha256");
  const files = readdirSync(exercise.referenceDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .sort();
  for (const file of files) {
    hash.update(`${file}\n`);
    // Whitespace does not count: reformatting the reference leaves its score standing.
    hash.update(readFileSync(path.join(exercise.referenceDir, file), "utf8").replace(/\s+/g, ""));
  }
  return hash.digest("hex");
}

export function readMutationRecord(exercise: Exercise): MutationRecord | undefined {
  const file = recordFile(exercise);
  if (!existsSync(file)) return undefined;
  const parsed = mutationRecordSchema.safeParse(readJson(file));
  if (!parsed.success) throw new CatalogError(describeZodIssue(file, parsed.error));
  return parsed.data;
}

export const sameMutant = (a: MutantRef, b: MutantRef): boolean =>
  a.file === b.file && a.line === b.line && a.mutator === b.mutator && a.replacement === b.replacement;
