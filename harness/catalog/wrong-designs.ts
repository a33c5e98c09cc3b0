/**
 * solutions/<track>/<slug>/wrong/variants.json: the exercise's wrong-design fixtures. Each is a
 * folder wrong/<variant>/ whose modules replace the reference's (the rest of the reference stands),
 * making one mistake a learner really makes. Verify runs the visible and hidden tests against each
 * and demands that at least one fails with a message matching `caughtBy`: the tests must not just
 * notice that something is off, they must name the mistake.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Exercise } from "./catalog";
import { CatalogError, SLUG_PATTERN, describeZodIssue, readJson } from "./exercise-meta";

/** The four kinds of mistake that random property tests rarely reach, and the rest. */
export const MISTAKE_CLASSES = ["boundary", "leftover-state", "side-effect-order", "stale-input", "other"] as const;

export const MIN_WRONG_DESIGNS = 4;

export const wrongDesignsSchema = z.record(
  z.string().regex(SLUG_PATTERN, "variant names are lower-case words joined by '-'"),
  z
    .object({
      /** The mistake, in one line, as a reviewer would put it. */
      mistake: z.string().min(20),
      class: z.enum(MISTAKE_CLASSES),
      /** A regular expression (case-insensitive) that a failing test's message must match. */
      caughtBy: z.string().min(3),
    })
    .strict(),
);

export type WrongDesigns = z.infer<typeof wrongDesignsSchema>;
export type WrongDesign = WrongDesigns[string] & { variant: string };

/** The wrong designs of an exercise, checked against the folders that implement them. */
export function readWrongDesigns(exercise: Exercise): WrongDesign[] {
  const file = path.join(exercise.wrongDir, "variants.json");
  if (!existsSync(file)) return [];
  const parsed = wrongDesignsSchema.safeParse(readJson(file));
  if (!parsed.success) throw new CatalogError(describeZodIssue(file, parsed.error));
  const folders = readdirSync(exercise.wrongDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const listed = Object.keys(parsed.data);
  const unlisted = folders.filter((f) => !listed.includes(f));
  const missing = listed.filter((v) => !folders.includes(v));
  if (unlisted.length > 0 || missing.length > 0) {
    throw new CatalogError(
      `${file} and the folders beside it disagree: ${[...unlisted.map((f) => `folder ${f}/ is not listed`), ...missing.map((v) => `"${v}" has no folder`)].join("; ")}`,
    );
  }
  for (const [variant, design] of Object.entries(parsed.data)) {
    try {
      new RegExp(design.caughtBy, "i");
    } catch {
      throw new CatalogError(`${file}: ${variant}.caughtBy is not a valid regular expression`);
    }
  }
  return Object.entries(parsed.data).map(([variant, design]) => ({ variant, ...design }));
}
