/**
 * A class of seeded submissions for the gradebook's tests and for timing it: each student's code
 * for each exercise is one of the kinds a real class hands in, chosen by a seeded generator:
 *
 *   reference   the reference solution (a good student)
 *   naive       the reference with naive/ swapped in: correct, slow
 *   wrong       the reference with one wrong/ design swapped in
 *   stub        the untouched stub (not started)
 *   broken      a syntax error
 *   loop        an infinite loop when the module loads (hostile or careless)
 *   memory      allocates without bound when the module loads
 *   dishonest   re-exports the reference from solutions/ (the fence must refuse it)
 *
 * Every file a student wrote carries a line naming the student, so two students' copies of the
 * same design are different files, as in a real class (the untouched stub is identical for all).
 * Half the students hand in a clone of the student copy (<student>/exercises/...), half a folder
 * laid out like exercises/.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Exercise } from "../catalog/catalog";
import { Prng } from "../sim/prng";

export const SUBMISSION_KINDS = [
  "reference",
  "naive",
  "wrong",
  "stub",
  "broken",
  "loop",
  "memory",
  "dishonest",
] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export interface SeededClassOptions {
  students: number;
  seed: number;
  exercises: Exercise[];
  /** Chosen per student and exercise; the default weighs kinds as a class would hand them in. */
  choose?: (student: number, exercise: Exercise, prng: Prng) => SubmissionKind;
}

/** How often each kind turns up by default: mostly real attempts, a few hostile ones. */
const DEFAULT_WEIGHTS: [SubmissionKind, number][] = [
  ["reference", 30],
  ["naive", 15],
  ["wrong", 20],
  ["stub", 15],
  ["broken", 6],
  ["loop", 5],
  ["memory", 4],
  ["dishonest", 5],
];

export interface SeededClass {
  root: string;
  /** What each student handed in for each exercise id. */
  kinds: Map<string, Map<string, SubmissionKind>>;
}

export function makeSeededClass(root: string, options: SeededClassOptions): SeededClass {
  const prng = new Prng(options.seed);
  const kinds = new Map<string, Map<string, SubmissionKind>>();
  for (let i = 0; i < options.students; i++) {
    const student = `student-${String(i + 1).padStart(3, "0")}`;
    const exercisesDir = i % 2 === 0 ? path.join(root, student, "exercises") : path.join(root, student);
    const chosen = new Map<string, SubmissionKind>();
    for (const exercise of options.exercises) {
      const kind = options.choose ? options.choose(i, exercise, prng) : weighted(prng);
      chosen.set(exercise.id, kind);
      writeSubmission(
        path.join(exercisesDir, exercise.meta.track, exercise.meta.slug, "src"),
        exercise,
        kind,
        student,
        prng,
      );
    }
    kinds.set(student, chosen);
  }
  return { root, kinds };
}

function weighted(prng: Prng): SubmissionKind {
  const total = DEFAULT_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  let pick = prng.next() * total;
  for (const [kind, weight] of DEFAULT_WEIGHTS) {
    pick -= weight;
    if (pick < 0) return kind;
  }
  return "reference";
}

export function writeSubmission(
  src: string,
  exercise: Exercise,
  kind: SubmissionKind,
  student: string,
  prng: Prng,
): void {
  mkdirSync(src, { recursive: true });
  if (kind === "stub") {
    cpSync(exercise.srcDir, src, { recursive: true });
    return;
  }
  cpSync(exercise.referenceDir, src, { recursive: true });
  // Given modules (errors, wire formats) live only in the stub's folder: a student has them too.
  for (const file of readdirSync(exercise.srcDir))
    if (!existsSync(path.join(src, file))) cpSync(path.join(exercise.srcDir, file), path.join(src, file));
  // An exercise without a budget has no naive design: its "naive" student hands in correct code.
  if (kind === "naive" && existsSync(exercise.naiveDir)) overlay(src, exercise.naiveDir);
  if (kind === "wrong") {
    const variants = readdirSync(exercise.wrongDir, { withFileTypes: true }).filter((d) => d.isDirectory());
    const variant = variants[Math.floor(prng.next() * variants.length)];
    if (variant) overlay(src, path.join(exercise.wrongDir, variant.name));
  }
  const tail: Partial<Record<SubmissionKind, string>> = {
    broken: "\nexport const unfinished = (;\n",
    loop: "\nfor (;;) {\n  // waiting for something that never happens\n}\n",
    memory: "\nconst hoard: number[][] = [];\nfor (;;) hoard.push(new Array<number>(1 << 20).fill(7));\n",
  };
  for (const file of tsFiles(src)) {
    let text = `// ${student}\n${readFileSync(file, "utf8")}${tail[kind] ?? ""}`;
    if (
      kind === "dishonest" &&
      !path.basename(file).startsWith("reference-") &&
      existsSync(path.join(exercise.referenceDir, path.basename(file)))
    )
      text = `// ${student}\nexport * from ${JSON.stringify(path.join(exercise.referenceDir, path.basename(file, ".ts")))};\n`;
    writeFileSync(file, text);
  }
}

/**
 * Puts a naive or wrong design's modules over the reference's. Such a module reaches the
 * reference it builds on as ../src/x or ../../src/x; in a submission that copy sits beside it as
 * reference-x.ts, since a submission may import nothing outside its own src/.
 */
export function overlay(src: string, overlayDir: string): void {
  for (const file of readdirSync(overlayDir).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(path.join(overlayDir, file), "utf8").replace(
      /(["'])(?:\.\.\/)+src\/([\w.-]+)\1/g,
      (_, quote: string, module: string) => {
        const copy = path.join(src, `reference-${module}.ts`);
        if (!existsSync(copy)) cpSync(path.join(src, `${module}.ts`), copy);
        return `${quote}./reference-${module}${quote}`;
      },
    );
    writeFileSync(path.join(src, file), text);
  }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? tsFiles(path.join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [path.join(dir, entry.name)]
        : [],
  );
}
