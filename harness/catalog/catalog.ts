/**
 * The catalog: every exercise, in course order, and where each of its parts lives. The one reader
 * of exercises/tracks.json and every exercise.json; the CLI, the grader, verify and the index
 * generator all take their exercises from here.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import targets from "../resolve/targets.cjs";
import { coursePlanSchema, type CoursePlan, type PlannedExercise, type PlannedTrack } from "./course-plan";
import { CatalogError, describeZodIssue, readExerciseMeta, readJson, type ExerciseMeta } from "./exercise-meta";

export interface Exercise {
  meta: ExerciseMeta;
  /** `<track>/<slug>`, the id used in reports. */
  id: string;
  /** Position in the course, from 1. */
  position: number;
  exerciseDir: string;
  /** The learner's src/. */
  srcDir: string;
  solutionDir: string;
  /** The reference's src/, a mirror of the learner's. */
  referenceDir: string;
  /** naive/: modules that replace the reference's, correct but slow. */
  naiveDir: string;
  /** wrong/: one folder per wrong design, and variants.json describing each. */
  wrongDir: string;
  visibleTest: string;
  hiddenTest: string;
  benchFile: string;
  readme: string;
  hints: string;
  notes: string;
  /** The reference's answers to the interview's self-evaluation, shown by kata interview after the clock stops. */
  interviewAnswers: string;
}

/** Something wrong with the catalog, tied to the file to fix. */
export interface CatalogProblem {
  /** `<track>/<slug>`, a track, or a file. */
  where: string;
  message: string;
}

/** A file whose presence in an exercise's folder keeps it out of the course while it is being built. */
export const DRAFT_MARKER = "DRAFT";

export interface Catalog {
  plan: CoursePlan;
  /** Built exercises, in course order. */
  exercises: Exercise[];
  /**
   * Ids of exercises still under construction (a DRAFT file in their folder): not listed, graded,
   * verified or indexed with the others, but reachable by name (kata test, bench, verify <slug>), so
   * their author works on them as on any other.
   */
  drafts: string[];
  /** The drafts whose exercise.json reads; their problems are their author's, not the catalog's. */
  draftExercises: Exercise[];
  problems: CatalogProblem[];
}

export function exercisePaths(root: string, meta: ExerciseMeta, position: number): Exercise {
  const exerciseDir = path.join(root, "exercises", meta.track, meta.slug);
  const solutionDir = path.join(root, "solutions", meta.track, meta.slug);
  return {
    meta,
    id: `${meta.track}/${meta.slug}`,
    position,
    exerciseDir,
    srcDir: path.join(exerciseDir, "src"),
    solutionDir,
    referenceDir: path.join(solutionDir, "src"),
    naiveDir: path.join(solutionDir, "naive"),
    wrongDir: path.join(solutionDir, "wrong"),
    visibleTest: path.join(exerciseDir, `${meta.slug}.test.ts`),
    hiddenTest: path.join(solutionDir, "hidden.test.ts"),
    benchFile: path.join(exerciseDir, "bench.ts"),
    readme: path.join(exerciseDir, "README.md"),
    hints: path.join(exerciseDir, "hints.md"),
    notes: path.join(solutionDir, "NOTES.md"),
    interviewAnswers: path.join(solutionDir, "interview.md"),
  };
}

export const PLAN_FILE = "exercises/tracks.json";

export function readPlan(root: string = targets.REPO_ROOT): CoursePlan {
  const file = path.join(root, PLAN_FILE);
  if (!existsSync(file))
    throw new CatalogError(`no course outline at ${file}: it lists the tracks and their exercises in order`);
  const parsed = coursePlanSchema.safeParse(readJson(file));
  if (!parsed.success) throw new CatalogError(describeZodIssue(file, parsed.error));
  return parsed.data;
}

/**
 * Reads the whole catalog and every problem in it, without stopping at the first: verify reports
 * them all. A folder under exercises/ that is not in the plan, a planned exercise with a folder
 * but no exercise.json, a slug used twice, a prerequisite that does not come earlier: each is a
 * problem. Loose files in exercises/ and its track folders are left alone.
 */
export function readCatalog(root: string = targets.REPO_ROOT): Catalog {
  const plan = readPlan(root);
  const problems: CatalogProblem[] = [];
  const exercises: Exercise[] = [];
  const drafts: string[] = [];
  const draftExercises: Exercise[] = [];
  const seen = new Map<string, string>();
  let position = 0;
  for (const track of plan.tracks) {
    for (const planned of track.exercises) {
      position += 1;
      const id = `${track.track}/${planned.slug}`;
      const earlier = seen.get(planned.slug);
      if (earlier !== undefined)
        problems.push({
          where: PLAN_FILE,
          message: `slug "${planned.slug}" is used by ${earlier} and ${id}; slugs name exercises on the command line, so each must be unique`,
        });
      seen.set(planned.slug, id);
      const file = path.join(root, "exercises", track.track, planned.slug, "exercise.json");
      if (existsSync(path.join(path.dirname(file), DRAFT_MARKER))) {
        drafts.push(id);
        const draft = readDraft(root, file, track.track, planned.slug, position);
        if (draft) draftExercises.push(draft);
        continue;
      }
      if (!existsSync(file)) {
        if (existsSync(path.dirname(file)))
          problems.push({
            where: id,
            message: `exercises/${id}/ has no exercise.json; run kata new ${id} --kind ${planned.kind} to scaffold one`,
          });
        continue;
      }
      try {
        const meta = readExerciseMeta(file, { track: track.track, slug: planned.slug });
        problems.push(...agreement(id, meta, planned));
        exercises.push(exercisePaths(root, meta, position));
      } catch (error) {
        problems.push({ where: id, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  problems.push(...unplannedFolders(root, plan));
  problems.push(...prerequisiteProblems(exercises));
  return { plan, exercises, drafts, draftExercises, problems };
}

function readDraft(root: string, file: string, track: string, slug: string, position: number): Exercise | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return exercisePaths(root, readExerciseMeta(file, { track, slug }), position);
  } catch {
    return undefined; // half-written: verify <slug> cannot reach it until its exercise.json reads
  }
}

/** The catalog, or a CatalogError naming its first problem: what the CLI uses. */
export function loadCatalog(root: string = targets.REPO_ROOT): Exercise[] {
  const catalog = readCatalog(root);
  const first = catalog.problems[0];
  if (first) throw new CatalogError(`${first.where}: ${first.message}`);
  return catalog.exercises;
}

/** The drafts that can be named on the command line (see Catalog.drafts). */
export function loadDrafts(root: string = targets.REPO_ROOT): Exercise[] {
  return readCatalog(root).draftExercises;
}

function agreement(id: string, meta: ExerciseMeta, planned: PlannedExercise): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  if (meta.kind !== planned.kind)
    problems.push({
      where: id,
      message: `exercise.json says kind "${meta.kind}", ${PLAN_FILE} says "${planned.kind}"; make them agree`,
    });
  return problems;
}

function unplannedFolders(root: string, plan: CoursePlan): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const planned = new Set(plan.tracks.flatMap((t: PlannedTrack) => t.exercises.map((e) => `${t.track}/${e.slug}`)));
  const tracks = new Set(plan.tracks.map((t) => t.track));
  for (const track of subfolders(path.join(root, "exercises"))) {
    if (!tracks.has(track)) {
      problems.push({
        where: `exercises/${track}`,
        message: `track folder "${track}" is not in ${PLAN_FILE}; add the track there or remove the folder`,
      });
      continue;
    }
    for (const slug of subfolders(path.join(root, "exercises", track))) {
      if (!planned.has(`${track}/${slug}`))
        problems.push({
          where: `${track}/${slug}`,
          message: `exercises/${track}/${slug}/ is not in ${PLAN_FILE}; add it to its track's exercises, in course order`,
        });
    }
  }
  return problems;
}

function prerequisiteProblems(exercises: Exercise[]): CatalogProblem[] {
  const bySlug = new Map(exercises.map((e) => [e.meta.slug, e]));
  const problems: CatalogProblem[] = [];
  for (const exercise of exercises) {
    for (const slug of exercise.meta.prerequisites) {
      const before = bySlug.get(slug);
      if (before === undefined)
        problems.push({ where: exercise.id, message: `prerequisite "${slug}" is not a built exercise` });
      else if (before.position >= exercise.position)
        problems.push({
          where: exercise.id,
          message: `prerequisite "${slug}" comes later in the course; reorder ${PLAN_FILE}`,
        });
    }
  }
  return problems;
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The exercises named by `names` (slugs, or `<track>/<slug>`, or a track like `01-partitioning`).
 * An unknown name is a CatalogError that suggests the nearest slugs. A draft is chosen only when
 * named by its own slug or id, never by its track nor by an empty list (everything).
 */
export function selectExercises(catalog: Exercise[], names: string[], drafts: Exercise[] = []): Exercise[] {
  if (names.length === 0) return catalog;
  const chosen = new Set<Exercise>();
  for (const name of names) {
    const matches = catalog.filter((e) => e.meta.slug === name || e.id === name || e.meta.track === name);
    if (matches.length === 0) matches.push(...drafts.filter((e) => e.meta.slug === name || e.id === name));
    if (matches.length === 0) {
      const nearest = nearestSlugs(
        name,
        catalog.map((e) => e.meta.slug),
      );
      const hint = nearest.length > 0 ? `did you mean ${nearest.join(" or ")}?` : "run `kata list` to see them";
      throw new CatalogError(`no exercise "${name}": ${hint}`);
    }
    for (const match of matches) chosen.add(match);
  }
  return [...catalog, ...drafts].filter((e) => chosen.has(e));
}

function nearestSlugs(name: string, slugs: string[]): string[] {
  const scored = slugs
    .map((slug) => ({ slug, distance: slug.includes(name) || name.includes(slug) ? 1 : editDistance(name, slug) }))
    .filter((s) => s.distance <= Math.max(3, Math.floor(s.slug.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.slug.localeCompare(b.slug));
  return scored.slice(0, 3).map((s) => s.slug);
}

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}
