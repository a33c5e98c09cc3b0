/**
 * `kata new <track>/<slug> --kind <kind>`: writes the whole anatomy of a planned exercise, so the
 * author starts from something that runs and `npm run verify -- <slug>` names exactly what is left.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DRAFT_MARKER, exercisePaths, readPlan } from "../catalog/catalog";
import { exerciseReadmeAsGenerated } from "../catalog/generated-text";
import { CatalogError, KINDS } from "../catalog/exercise-meta";
import * as t from "./templates";

export interface NewExerciseResult {
  /** Files written, relative to the root. */
  files: string[];
  /** What the author should know: the kind's harness, and what to do next. */
  notes: string[];
}

/** Writes the scaffold under `root`; refuses an id that is not planned or already exists. */
export function newExercise(root: string, id: string, kind?: string): NewExerciseResult {
  const [track, slug, ...rest] = id.split("/");
  if (!track || !slug || rest.length > 0)
    throw new CatalogError(`"${id}" is not <track>/<slug>: for example 02-replication/leader-follower`);
  const planned = readPlan(root)
    .tracks.find((x) => x.track === track)
    ?.exercises.find((e) => e.slug === slug);
  if (!planned)
    throw new CatalogError(
      `${id} is not in exercises/tracks.json: add it to its track there, at its place in the course, then run kata new again`,
    );
  if (kind !== undefined && !(KINDS as readonly string[]).includes(kind))
    throw new CatalogError(`--kind ${kind} is not a kind: use one of ${KINDS.join(", ")}`);
  if (kind !== undefined && kind !== planned.kind)
    throw new CatalogError(`exercises/tracks.json plans ${id} as ${planned.kind}, not ${kind}: change one of them`);
  const exerciseDir = path.join(root, "exercises", track, slug);
  if (existsSync(path.join(exerciseDir, "exercise.json")))
    throw new CatalogError(`${id} already exists: kata new writes only new exercises`);

  const n: t.ScaffoldNames = { track, slug, kind: planned.kind, pascal: t.pascalCase(slug), builds: planned.builds };
  const solutionDir = path.join(root, "solutions", track, slug);
  const files: Record<string, string> = {
    [path.join(exerciseDir, "README.md")]: t.readme(n),
    [path.join(exerciseDir, "exercise.json")]: `${JSON.stringify(t.exerciseJson(n), null, 2)}\n`,
    [path.join(exerciseDir, "src", `${slug}.ts`)]: t.entryModule(n, "stub"),
    [path.join(exerciseDir, `${slug}.test.ts`)]: t.testFile(n, "visible"),
    [path.join(exerciseDir, "bench.ts")]: t.benchFile(n),
    [path.join(exerciseDir, "hints.md")]: t.hints(),
    [path.join(solutionDir, "src", `${slug}.ts`)]: t.entryModule(n, "reference"),
    [path.join(solutionDir, "hidden.test.ts")]: t.testFile(n, "hidden"),
    [path.join(solutionDir, "naive", `${slug}.ts`)]: t.naiveModule(n),
    [path.join(solutionDir, "wrong", "variants.json")]: "{}\n",
    [path.join(solutionDir, "NOTES.md")]: t.notes(n),
    [path.join(solutionDir, "interview.md")]: t.interviewAnswers(n),
    // Born a draft: the workbook's checks stay green while it is built (docs/authoring.md).
    [path.join(exerciseDir, DRAFT_MARKER)]: t.draftNote(n),
  };
  if (n.kind === "pure" || n.kind === "sql") files[path.join(exerciseDir, "src", "errors.ts")] = t.errorsModule(n);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const readme = exerciseReadmeAsGenerated(exercisePaths(root, t.exerciseJson(n), 0));
  writeFileSync(readme.file, readme.content);
  const notes = [
    `next: write every ${t.PLACEHOLDER} away, add at least 4 wrong designs in solutions/${id}/wrong/, make naive/ miss the budget; npm run verify -- ${slug} lists what is left`,
    `it is a draft (exercises/${id}/${DRAFT_MARKER}): out of the course until you delete that file, once verify -- ${slug} passes`,
  ];
  return { files: Object.keys(files).map((f) => path.relative(root, f)), notes };
}
