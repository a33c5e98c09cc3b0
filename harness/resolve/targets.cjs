// @ts-check
/**
 * Which implementation stands behind an exercise's imports.
 *
 * A test imports the learner's code as a learner would (`./src/hash-ring`). Grading, verifying and
 * benchmarking need the same test to run against other implementations: the reference in
 * `solutions/`, its deliberately slow `naive.ts`, or a student's copy laid out like `exercises/`.
 * This module names an implementation module by (track, slug, module) and maps that name to a file
 * for a given target. Nothing is copied; only the path behind the import changes.
 *
 * It is CommonJS on purpose: jest loads its resolver with a plain `require`, before any transform,
 * and the TypeScript side of the harness imports the same file, so there is one mapping, not two.
 */
const fs = require("node:fs");
const path = require("node:path");

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const EXERCISES_DIR = path.join(REPO_ROOT, "exercises");
const SOLUTIONS_DIR = path.join(REPO_ROOT, "solutions");
const KATA_API_DIR = path.join(REPO_ROOT, "harness", "kata");

/** @typedef {{ kind: "exercises" } | { kind: "solutions" } | { kind: "naive" } | { kind: "dir", dir: string }} Target */
/** @typedef {{ track: string, slug: string, module: string }} ModuleName */

class TargetError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "TargetError";
  }
}

/**
 * Reads a target from its spelling: `exercises` (the learner's own code, the default),
 * `solutions`, `naive`, or a path to a folder laid out like `exercises/`.
 * @param {string | undefined} spec
 * @param {string} [cwd]
 * @returns {Target}
 */
function parseTarget(spec, cwd = process.cwd()) {
  if (spec === undefined || spec === "" || spec === "exercises") return { kind: "exercises" };
  if (spec === "solutions" || spec === "reference") return { kind: "solutions" };
  if (spec === "naive") return { kind: "naive" };
  const dir = path.resolve(cwd, spec);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new TargetError(
      `target folder ${dir} does not exist: pass exercises, solutions, naive, or a folder laid out like exercises/ (<track>/<slug>/src/*.ts)`,
    );
  }
  if (path.resolve(dir) === EXERCISES_DIR) return { kind: "exercises" };
  return { kind: "dir", dir };
}

/** @param {Target} target */
function describeTarget(target) {
  return target.kind === "dir" ? target.dir : target.kind;
}

/**
 * The target named by the KATA_TARGET environment variable (how jest learns it).
 * @returns {Target}
 */
function targetFromEnv() {
  return parseTarget(process.env.KATA_TARGET);
}

/** @param {string} file @param {string} dir */
function relativeInside(file, dir) {
  const rel = path.relative(dir, file);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join("/");
}

/**
 * Names the learner's implementation module a file is: a file under exercises/<track>/<slug>/src/,
 * or under the submission folder when that is the target. Anything else (tests, benches, the
 * harness, reference files in solutions/) is not remapped, so a reference or naive file imports
 * its siblings as plain files.
 * @param {string} file absolute path
 * @param {Target} [target]
 * @returns {ModuleName | undefined}
 */
function implementationModuleOf(file, target) {
  const fromExercises = relativeInside(file, EXERCISES_DIR);
  if (fromExercises) return matchModule(fromExercises, LEARNER_SOURCE);
  if (target && target.kind === "dir") {
    const fromDir = relativeInside(file, target.dir);
    if (fromDir) return matchModule(fromDir, LEARNER_SOURCE);
  }
  return undefined;
}

const LEARNER_SOURCE = /^([^/]+)\/([^/]+)\/src\/(.+)\.ts$/;

/** @param {string} rel @param {RegExp} pattern @returns {ModuleName | undefined} */
function matchModule(rel, pattern) {
  const m = pattern.exec(rel);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) return undefined;
  return { track: m[1], slug: m[2], module: m[3] };
}

/** @type {Map<string, string>} */
const entryCache = new Map();

/**
 * The module that `naive.ts` stands in for: exercise.json's `entry`.
 * @param {string} track @param {string} slug
 */
function entryModuleOf(track, slug) {
  const key = `${track}/${slug}`;
  const cached = entryCache.get(key);
  if (cached !== undefined) return cached;
  const metaPath = path.join(EXERCISES_DIR, track, slug, "exercise.json");
  /** @type {unknown} */
  let meta;
  try {
    meta = JSON.parse(fs.readFileSync(metaPath, "utf8"));
  } catch (err) {
    throw new TargetError(`cannot read ${metaPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const entry = meta && typeof meta === "object" && "entry" in meta ? meta.entry : undefined;
  if (typeof entry !== "string") throw new TargetError(`${metaPath} has no "entry" naming the module naive.ts replaces`);
  entryCache.set(key, entry);
  return entry;
}

/**
 * The file that implements a module for a target. A module the reference does not have is given
 * code (error types, shared interfaces): the workbook's own exercises/ file serves every target
 * that has no copy of its own (a student copy made before a given module was added, say), and the
 * reference imports it by that workbook path.
 * @param {ModuleName} name
 * @param {Target} target
 */
function implementationFile(name, target) {
  const { track, slug, module } = name;
  const learnerFile = path.join(EXERCISES_DIR, track, slug, "src", `${module}.ts`);
  const referenceFile = path.join(SOLUTIONS_DIR, track, slug, `${module}.ts`);
  const given = !fs.existsSync(referenceFile) && fs.existsSync(learnerFile);
  switch (target.kind) {
    case "exercises":
      return learnerFile;
    case "solutions":
      return given ? learnerFile : referenceFile;
    case "naive":
      if (module === entryModuleOf(track, slug)) return path.join(SOLUTIONS_DIR, track, slug, "naive.ts");
      return given ? learnerFile : referenceFile;
    case "dir": {
      const submitted = path.join(target.dir, track, slug, "src", `${module}.ts`);
      return given && !fs.existsSync(submitted) ? learnerFile : submitted;
    }
  }
}

/**
 * Where the workbook's own API (`#kata`, `#kata/sim`, ...) lives. Exercises import it by that
 * name so that a student copy anywhere on disk still finds the workbook's harness.
 * @param {string} request
 * @returns {string | undefined}
 */
function kataApiFile(request) {
  if (request === "#kata") return path.join(KATA_API_DIR, "index.ts");
  if (request.startsWith("#kata/")) return path.join(KATA_API_DIR, `${request.slice("#kata/".length)}.ts`);
  return undefined;
}

module.exports = {
  REPO_ROOT,
  EXERCISES_DIR,
  SOLUTIONS_DIR,
  TargetError,
  parseTarget,
  describeTarget,
  targetFromEnv,
  implementationModuleOf,
  implementationFile,
  entryModuleOf,
  kataApiFile,
};
