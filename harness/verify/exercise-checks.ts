/**
 * The checks of one exercise that read files and run nothing: the anatomy is all there, the README
 * has every section and a current budget table, bench.ts declares exactly the budgeted workloads
 * with kinds that fit the exercise's kind, and no solution file reaches into exercises/ by path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Exercise } from "../catalog/catalog";
import { MIN_WRONG_DESIGNS, readWrongDesigns, type WrongDesign } from "../catalog/wrong-designs";
import { exerciseReadmeAsGenerated, staleFiles } from "../catalog/generated-text";
import type { ExerciseKind } from "../catalog/exercise-meta";
import { loadBench } from "../bench/load-implementation";
import type { Workload } from "../bench/define";
import { hasBudgets } from "../catalog/exercise-meta";
import targets from "../resolve/targets.cjs";
import { checkReadme } from "./readme-sections";
import { interviewBriefProblems, missingAnswers } from "../interview/interview-brief";
import { scanSubmission } from "../grade/submission-scan";
import { MUTATION_GOAL, readMutationRecord, referenceHash } from "../mutation/mutation-record";
import { PLACEHOLDER } from "../scaffold/templates";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const rel = (file: string): string => path.relative(targets.REPO_ROOT, file);
const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function staticChecks(exercise: Exercise): Check[] {
  return [
    anatomy(exercise),
    placeholders(exercise),
    ...readme(exercise),
    interview(exercise),
    fence(exercise),
    benchAgreement(exercise),
    solutionImports(exercise),
    mutationScore(exercise),
  ];
}

/**
 * The recorded mutation score of the reference as it is now, at the goal (npm run mutation
 * measures it). A record that is missing, stale or under the goal fails: a test suite that has
 * never been measured against mutants has not shown which wrong designs it catches.
 */
function mutationScore(exercise: Exercise): Check {
  const name = `${exercise.id}: a current mutation score of at least ${MUTATION_GOAL * 100}% is recorded`;
  let record;
  try {
    record = readMutationRecord(exercise);
  } catch (error) {
    return { name, ok: false, detail: describeError(error) };
  }
  if (record === undefined) {
    return {
      name,
      ok: false,
      detail: `not measured yet: run npm run mutation -- ${exercise.meta.slug} (minutes), then kill or list each survivor`,
    };
  }
  if (record.referenceHash !== referenceHash(exercise)) {
    return {
      name,
      ok: false,
      detail: `the reference changed since ${record.measuredAt.slice(0, 10)}: run npm run mutation -- ${exercise.meta.slug}`,
    };
  }
  const open = record.survivors.length - record.equivalent.length;
  const detail = `${(record.score * 100).toFixed(1)}%: ${record.killed + record.timedOut} killed, ${open} surviving, ${record.equivalent.length} equivalent`;
  return { name, ok: record.score >= MUTATION_GOAL, detail };
}

/** Every file `kata new` wrote starts with placeholders; each one left is a piece still to write. */
function placeholders(exercise: Exercise): Check {
  const files = [...filesDeep(exercise.exerciseDir), ...filesDeep(exercise.solutionDir)].filter((file) =>
    readFileSync(file, "utf8").includes(PLACEHOLDER),
  );
  return {
    name: `${exercise.id}: no scaffold placeholder is left`,
    ok: files.length === 0,
    detail: files.length ? `${PLACEHOLDER} left in ${files.map(rel).join(", ")}` : "",
  };
}

function anatomy(exercise: Exercise): Check {
  const files = [
    exercise.readme,
    exercise.hints,
    exercise.benchFile,
    exercise.visibleTest,
    exercise.hiddenTest,
    exercise.notes,
    exercise.interviewAnswers,
  ];
  // naive/ exists to miss a budget: an exercise graded on correctness alone has none to miss.
  const folders = [exercise.srcDir, exercise.referenceDir, ...(hasBudgets(exercise) ? [exercise.naiveDir] : [])];
  const missing = [
    ...files.filter((file) => !existsSync(file)).map(rel),
    ...folders.filter((dir) => !existsSync(dir) || tsFiles(dir).length === 0).map((dir) => `${rel(dir)}/*.ts`),
  ];
  return {
    name: `${exercise.id}: every part of the anatomy is there`,
    ok: missing.length === 0,
    detail: missing.length ? `missing ${missing.join(", ")}` : "",
  };
}

function readme(exercise: Exercise): Check[] {
  if (!existsSync(exercise.readme)) return [];
  const absent = checkReadme(readFileSync(exercise.readme, "utf8"));
  const checks: Check[] = [
    {
      name: `${exercise.id}: README has every section`,
      ok: absent.length === 0,
      detail: absent.length ? `missing sections: ${absent.join(", ")}` : "",
    },
  ];
  let detail = "";
  try {
    detail = staleFiles([exerciseReadmeAsGenerated(exercise)]).length > 0 ? "stale: run npx kata index" : "";
  } catch (error) {
    detail = describeError(error);
  }
  checks.push({ name: `${exercise.id}: README's budget table is generated and current`, ok: detail === "", detail });
  return checks;
}

/** kata interview needs the README's brief (question, requirements, scale) and the reference's seven answers. */
function interview(exercise: Exercise): Check {
  const problems = existsSync(exercise.readme)
    ? interviewBriefProblems(readFileSync(exercise.readme, "utf8")).map((p) => `README: ${p}`)
    : [];
  if (existsSync(exercise.interviewAnswers)) {
    const missing = missingAnswers(readFileSync(exercise.interviewAnswers, "utf8"));
    if (missing.length > 0) problems.push(`${rel(exercise.interviewAnswers)} does not answer: ${missing.join(", ")}`);
  }
  return {
    name: `${exercise.id}: kata interview has its brief and the reference's answers`,
    ok: problems.length === 0,
    detail: problems.join("; "),
  };
}

/**
 * The reference would be gradeable as a student's submission: it imports nothing a submission may
 * not (harness/resolve/submission-rules.cjs), so a learner who writes the same code is graded.
 */
function fence(exercise: Exercise): Check {
  const uses = scanSubmission(exercise, exercise.referenceDir);
  return {
    name: `${exercise.id}: the reference passes the fence around graded submissions`,
    ok: uses.length === 0,
    detail: uses.length
      ? `${uses.map((u) => `src/${u.file}:${u.line} ${u.what}`).join("; ")}: list a needed import in exercise.json's allowedImports`
      : "",
  };
}

/** The workload kinds each exercise kind may use. */
const WORKLOAD_KINDS: Record<ExerciseKind, readonly Workload<unknown>["kind"][]> = {
  // sim: a deterministic figure in virtual time (cache-aside's loads per burst, on VirtualTimers).
  pure: ["throughput", "scaling", "sim"],
  http: ["http", "throughput", "scaling"],
  // throughput and scaling time a sim exercise's in-process parts (failure-detector's phi).
  sim: ["sim", "throughput", "scaling"],
  ws: ["ws", "throughput", "scaling"],
  sql: ["throughput", "scaling"],
};

function benchAgreement(exercise: Exercise): Check {
  const name = `${exercise.id}: bench.ts declares exactly the budgeted workloads`;
  let workloads: Workload<unknown>[];
  try {
    workloads = loadBench(exercise.benchFile).workloads;
  } catch (error) {
    return { name, ok: false, detail: `bench.ts did not load: ${describeError(error)}` };
  }
  const declared = workloads.map((w) => w.name);
  const budgeted = Object.keys(exercise.meta.budgets);
  const problems = [
    ...budgeted.filter((b) => !declared.includes(b)).map((b) => `budget "${b}" has no workload in bench.ts`),
    ...declared.filter((d) => !budgeted.includes(d)).map((d) => `workload "${d}" has no budget in exercise.json`),
    ...declared.filter((d, i) => declared.indexOf(d) !== i).map((d) => `workload "${d}" is declared twice`),
    ...workloads
      .filter((w) => !WORKLOAD_KINDS[exercise.meta.kind].includes(w.kind))
      .map(
        (w) =>
          `workload "${w.name}" is a ${w.kind} workload, which a ${exercise.meta.kind} exercise cannot use (${WORKLOAD_KINDS[exercise.meta.kind].join(", ") || "none yet"})`,
      ),
  ];
  return { name, ok: problems.length === 0, detail: problems.join("; ") };
}

const IMPORT_SOURCE = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g;

/** Import sources in a TypeScript file. */
export function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT_SOURCE)].map((m) => m[1] as string);
}

/**
 * No solution file names a path into exercises/ (the resolver's layers do that), and a reference
 * module imports only its siblings, the harness, Node and packages: a file a learner can drop
 * into their src/ as it is.
 */
function solutionImports(exercise: Exercise): Check {
  const problems: string[] = [];
  for (const file of tsFilesDeep(exercise.solutionDir)) {
    const inReference = path.dirname(file) === exercise.referenceDir;
    for (const source of importsOf(file)) {
      if (source.includes("exercises/"))
        problems.push(
          `${rel(file)} imports "${source}": import ./src/<module> (tests) or ./<module> (the reference) instead`,
        );
      else if (inReference && source.startsWith("../"))
        problems.push(
          `${rel(file)} imports "${source}": a reference module imports only its siblings, #kata, Node and packages`,
        );
    }
  }
  return {
    name: `${exercise.id}: solutions import by layer, never by a path into exercises/`,
    ok: problems.length === 0,
    detail: problems.join("; "),
  };
}

/** The exercise's wrong designs, and the check that there are enough of them and the manifest is sound. */
export function wrongDesignCheck(exercise: Exercise): { check: Check; designs: WrongDesign[] } {
  const name = `${exercise.id}: has at least ${MIN_WRONG_DESIGNS} wrong-design fixtures`;
  try {
    const designs = readWrongDesigns(exercise);
    const listed = designs.map((d) => `${d.variant} (${d.class})`).join(", ");
    return {
      check: {
        name,
        ok: designs.length >= MIN_WRONG_DESIGNS,
        detail: `${designs.length} in solutions/${exercise.id}/wrong/variants.json${listed ? `: ${listed}` : ""}`,
      },
      designs,
    };
  } catch (error) {
    return { check: { name, ok: false, detail: describeError(error) }, designs: [] };
  }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".ts"));
}

function filesDeep(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dir, f))
    .filter((file) => statSync(file).isFile());
}

function tsFilesDeep(dir: string): string[] {
  return filesDeep(dir).filter((f) => f.endsWith(".ts"));
}
