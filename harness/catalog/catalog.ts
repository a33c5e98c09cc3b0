/**
 * The catalog: every exercise in exercises/, in course order, and where each of its parts lives.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import targets from "../resolve/targets.cjs";
import { CatalogError, readExerciseMeta, type ExerciseMeta } from "./exercise-meta";

export interface Exercise {
  meta: ExerciseMeta;
  /** `<track>/<slug>`, the id used in reports. */
  id: string;
  exerciseDir: string;
  solutionDir: string;
  visibleTest: string;
  hiddenTest: string;
  benchFile: string;
  readme: string;
  hints: string;
  notes: string;
}

export function exerciseFromMeta(meta: ExerciseMeta): Exercise {
  const exerciseDir = path.join(targets.EXERCISES_DIR, meta.track, meta.slug);
  const solutionDir = path.join(targets.SOLUTIONS_DIR, meta.track, meta.slug);
  return {
    meta,
    id: `${meta.track}/${meta.slug}`,
    exerciseDir,
    solutionDir,
    visibleTest: path.join(exerciseDir, `${meta.slug}.test.ts`),
    hiddenTest: path.join(solutionDir, "hidden.test.ts"),
    benchFile: path.join(exerciseDir, "bench.ts"),
    readme: path.join(exerciseDir, "README.md"),
    hints: path.join(exerciseDir, "hints.md"),
    notes: path.join(solutionDir, "NOTES.md"),
  };
}

/** Every exercise, sorted by track then order. Throws CatalogError on the first malformed manifest. */
export function loadCatalog(root: string = targets.EXERCISES_DIR): Exercise[] {
  if (!existsSync(root)) throw new CatalogError(`no exercises folder at ${root}`);
  const exercises: Exercise[] = [];
  for (const track of subfolders(root)) {
    for (const slug of subfolders(path.join(root, track))) {
      const file = path.join(root, track, slug, "exercise.json");
      if (existsSync(file)) exercises.push(exerciseFromMeta(readExerciseMeta(file, { track, slug })));
    }
  }
  return exercises.sort((a, b) => a.meta.track.localeCompare(b.meta.track) || a.meta.order - b.meta.order);
}

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The exercises named by `names` (slugs, or `<track>/<slug>`, or a track like `01-partitioning`).
 * An unknown name is a CatalogError that suggests the nearest slugs.
 */
export function selectExercises(catalog: Exercise[], names: string[]): Exercise[] {
  if (names.length === 0) return catalog;
  const chosen = new Set<Exercise>();
  for (const name of names) {
    const matches = catalog.filter((e) => e.meta.slug === name || e.id === name || e.meta.track === name);
    if (matches.length === 0) {
      const nearest = nearestSlugs(name, catalog.map((e) => e.meta.slug));
      const hint = nearest.length > 0 ? `did you mean ${nearest.join(" or ")}?` : "run `kata list` to see them";
      throw new CatalogError(`no exercise "${name}": ${hint}`);
    }
    for (const match of matches) chosen.add(match);
  }
  return catalog.filter((e) => chosen.has(e));
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
