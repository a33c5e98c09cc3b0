// @ts-check
/**
 * Which implementation stands behind an exercise's imports.
 *
 * A test imports the code it checks as a learner would (`./src/hash-ring`). Grading, verifying and
 * benchmarking run the same test against other implementations: the reference, a naive or wrong
 * variant of it, or a student's copy. Each target is a stack of layers, folders that mirror an
 * exercise's `src/`, searched top first:
 *
 *   exercises        exercises/<track>/<slug>/src
 *   solutions        solutions/<track>/<slug>/src, then the exercise's src (given modules)
 *   naive            solutions/<track>/<slug>/naive, then as solutions
 *   wrong:<variant>  solutions/<track>/<slug>/wrong/<variant>, then as solutions
 *   <folder>         <folder>/<track>/<slug>/src, then the exercise's given modules only
 *
 * A given module (error types, wire formats) is one the reference does not have: the learner's
 * `src/` holds the only copy, and every target reads it from there. So a reference module imports
 * `./errors` exactly as the stub does, and can be dropped into a learner's `src/` as it is.
 * tsconfig.json's `rootDirs` tells the type checker and editors the same thing.
 *
 * Three rules follow:
 *   - a test-side file (a test, a test helper; anything outside a layer) that imports a module of
 *     an exercise gets the target's file for it;
 *   - a layer file's sibling import (`./hash`) goes through the target's layers as well, so a
 *     variant that replaces one small module changes what the whole reference uses;
 *   - any other import resolves as a plain file (that is how a variant reaches the reference it
 *     wraps: `../src/hash-ring`), and a file missing from solutions/ falls back to the same path in
 *     exercises/ (a student copy's missing given module, to the workbook's).
 * Nothing is copied: the folders are the mapping. One more rule fences a folder target (someone
 * else's code, run where the references are on disk): its files may import only their own
 * exercise's src/, its given modules and what submission-rules.cjs allows, and anything else
 * resolves to a module that throws the refusal.
 *
 * It is CommonJS on purpose: jest loads its resolver with a plain `require`, before any transform;
 * the Node hook for tsx children (node-hook.cjs) and the TypeScript harness use the same file.
 */
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const os = require("node:os");
const { describeAllowed, mayImport } = require("./submission-rules.cjs");

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const EXERCISES_DIR = path.join(REPO_ROOT, "exercises");
const SOLUTIONS_DIR = path.join(REPO_ROOT, "solutions");
const KATA_API_DIR = path.join(REPO_ROOT, "harness", "kata");

/**
 * A wrong target names a variant for any exercise that has it (`wrong:late-expiry`), or one per
 * exercise (`wrong:ttl-cache/late-expiry,lru-cache/no-refresh`: how verify runs the k-th variant of
 * every exercise in one jest process); an exercise it names no variant for gets the reference.
 * @typedef {{ kind: "exercises" } | { kind: "solutions" } | { kind: "naive" }} NamedTarget
 * @typedef {NamedTarget | { kind: "wrong", variants: Record<string, string> } | { kind: "dir", dir: string }} Target
 * @typedef {{ track: string, slug: string, module: string }} ModuleName
 * @typedef {{ track: string, slug: string, srcDir: string, kind: string, allowedImports: string[] }} SubmissionExercise
 */

class TargetError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "TargetError";
  }
}

const TARGET_SPELLINGS =
  "exercises, solutions, naive, wrong:<variant>, or a folder laid out like exercises/ (<track>/<slug>/src/*.ts)";
const VARIANT_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Reads a target from its spelling.
 * @param {string | undefined} spec
 * @param {string} [cwd]
 * @returns {Target}
 */
function parseTarget(spec, cwd = process.cwd()) {
  if (spec === undefined || spec === "" || spec === "exercises") return { kind: "exercises" };
  if (spec === "solutions" || spec === "reference") return { kind: "solutions" };
  if (spec === "naive") return { kind: "naive" };
  if (spec.startsWith("wrong:")) return { kind: "wrong", variants: parseVariants(spec) };
  const dir = path.resolve(cwd, spec);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new TargetError(`target folder ${dir} does not exist: pass ${TARGET_SPELLINGS}`);
  }
  if (dir === EXERCISES_DIR) return { kind: "exercises" };
  return { kind: "dir", dir };
}

/**
 * `wrong:<variant>` for any exercise, or `wrong:<slug>/<variant>,...` one per exercise.
 * @param {string} spec
 * @returns {Record<string, string>}
 */
function parseVariants(spec) {
  /** @type {Record<string, string>} */
  const variants = {};
  for (const part of spec.slice("wrong:".length).split(",")) {
    const [slug, variant] = part.includes("/") ? part.split("/", 2) : ["*", part];
    if (!slug || !variant || !VARIANT_NAME.test(variant) || (slug !== "*" && !VARIANT_NAME.test(slug))) {
      throw new TargetError(
        `"${spec}" names no wrong variant: spell it wrong:<variant> or wrong:<slug>/<variant>,..., names of folders in solutions/<track>/<slug>/wrong/`,
      );
    }
    variants[slug] = variant;
  }
  return variants;
}

/** @param {Target} target */
function describeTarget(target) {
  switch (target.kind) {
    case "dir":
      return target.dir;
    case "wrong":
      return `wrong:${Object.entries(target.variants)
        .map(([slug, variant]) => (slug === "*" ? variant : `${slug}/${variant}`))
        .join(",")}`;
    default:
      return target.kind;
  }
}

/** The target named by KATA_TARGET (how jest learns it). @returns {Target} */
function targetFromEnv() {
  return parseTarget(process.env.KATA_TARGET);
}

/** @param {string} track @param {string} slug */
const exerciseSrc = (track, slug) => path.join(EXERCISES_DIR, track, slug, "src");
/** @param {string} track @param {string} slug */
const referenceSrc = (track, slug) => path.join(SOLUTIONS_DIR, track, slug, "src");

/** @param {string} dir @param {string} module */
const tsFile = (dir, module) => path.join(dir, `${module}.ts`);

/**
 * A module the reference does not have: its only copy is the learner's src/.
 * @param {ModuleName} name
 */
function isGivenModule({ track, slug, module }) {
  return (
    !fs.existsSync(tsFile(referenceSrc(track, slug), module)) && fs.existsSync(tsFile(exerciseSrc(track, slug), module))
  );
}

/**
 * The folders that implement an exercise's modules for a target, top first.
 * @param {Target} target @param {string} track @param {string} slug
 * @returns {string[]}
 */
function layersOf(target, track, slug) {
  const solution = path.join(SOLUTIONS_DIR, track, slug);
  switch (target.kind) {
    case "exercises":
      return [exerciseSrc(track, slug)];
    case "solutions":
      return [referenceSrc(track, slug), exerciseSrc(track, slug)];
    case "naive":
      return [path.join(solution, "naive"), referenceSrc(track, slug), exerciseSrc(track, slug)];
    case "wrong": {
      const variant = target.variants[slug] ?? target.variants["*"];
      const reference = [referenceSrc(track, slug), exerciseSrc(track, slug)];
      return variant === undefined ? reference : [path.join(solution, "wrong", variant), ...reference];
    }
    case "dir":
      return [path.join(target.dir, track, slug, "src")];
  }
}

/**
 * The file that implements a module for a target: the first layer that has it. A student copy
 * without a given module gets the workbook's; without its own code, its own path (so the error
 * that follows names the file the student must write).
 * @param {ModuleName} name @param {Target} target
 * @returns {string}
 */
function implementationFile(name, target) {
  const layers = layersOf(target, name.track, name.slug);
  for (const layer of layers) {
    const file = tsFile(layer, name.module);
    if (fs.existsSync(file)) return file;
  }
  if (target.kind === "dir" && isGivenModule(name)) return tsFile(exerciseSrc(name.track, name.slug), name.module);
  return tsFile(/** @type {string} */ (layers[0]), name.module);
}

/** @param {string} file @param {string} dir */
function relativeInside(file, dir) {
  const rel = path.relative(dir, file);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join("/");
}

const SOURCE_PATH = /^([^/]+)\/([^/]+)\/src\/(.+?)(\.ts)?$/;

/**
 * The module a path names when it points into an exercise's src/ in exercises/ or solutions/
 * (`exercises/01-partitioning/consistent-hashing/src/hash-ring`, with or without `.ts`).
 * @param {string} file absolute
 * @returns {ModuleName | undefined}
 */
function moduleNamedBy(file) {
  for (const root of [EXERCISES_DIR, SOLUTIONS_DIR]) {
    const rel = relativeInside(file, root);
    const m = rel === undefined ? null : SOURCE_PATH.exec(rel);
    if (m && m[1] && m[2] && m[3]) return { track: m[1], slug: m[2], module: m[3] };
  }
  return undefined;
}

/**
 * The exercise whose layer a folder is, if it is one: an exercise's or a student copy's src/, or a
 * naive or wrong variant folder in solutions/. A file in a layer is implementation code; anything
 * else that imports an exercise's module is on the test side.
 * @param {string} dir absolute
 * @returns {{ track: string, slug: string } | undefined}
 */
function layerOwner(dir) {
  const inSolutions = relativeInside(dir, SOLUTIONS_DIR);
  if (inSolutions !== undefined) {
    const m = /^([^/]+)\/([^/]+)\/(src|naive|wrong\/[^/]+)(\/.*)?$/.exec(inSolutions);
    return m && m[1] && m[2] ? { track: m[1], slug: m[2] } : undefined;
  }
  // exercises/ or any student copy: <...>/<track>/<slug>/src[/...] of an exercise the workbook has.
  const parts = dir.split(path.sep);
  const at = parts.lastIndexOf("src");
  if (at < 2) return undefined;
  const track = /** @type {string} */ (parts[at - 2]);
  const slug = /** @type {string} */ (parts[at - 1]);
  return fs.existsSync(path.join(EXERCISES_DIR, track, slug)) ? { track, slug } : undefined;
}

/**
 * Where a missing file is found instead: a path in solutions/ falls back to the same path in
 * exercises/ (given modules, test helpers: what tsconfig's rootDirs says), and a student copy's
 * missing given module to the workbook's.
 * @param {string} file absolute, as requested (extension optional)
 * @returns {string | undefined}
 */
function fallbackFile(file) {
  const inSolutions = relativeInside(file, SOLUTIONS_DIR);
  if (inSolutions !== undefined) return path.join(EXERCISES_DIR, inSolutions);
  if (relativeInside(file, EXERCISES_DIR) !== undefined) return undefined;
  const owner = layerOwner(path.dirname(file));
  if (!owner) return undefined;
  const module = path.basename(file).replace(/\.ts$/, "");
  const name = { ...owner, module };
  return isGivenModule(name) ? tsFile(exerciseSrc(owner.track, owner.slug), module) : undefined;
}

/**
 * Where the workbook's own API (`#kata`, `#kata/sim`, ...) lives. Exercises import it by that
 * name, so a student copy anywhere on disk still finds the workbook's harness.
 * @param {string} request
 * @returns {string | undefined}
 */
function kataApiFile(request) {
  if (request === "#kata") return path.join(KATA_API_DIR, "index.ts");
  if (request.startsWith("#kata/")) return path.join(KATA_API_DIR, `${request.slice("#kata/".length)}.ts`);
  return undefined;
}

/**
 * Resolves one import the workbook's way. `resolvePlain` is the host's own resolution (jest's
 * default resolver, Node's), which throws when nothing is there. A test-side import of an
 * exercise's module is sent to the target; everything else resolves as a plain file, with the
 * fallback above when the file is missing.
 * @param {string} request as written in the import
 * @param {string} importerDir absolute folder of the importing file
 * @param {Target | undefined} target undefined where no target is chosen: plain files and fallbacks
 * @param {(request: string) => string} resolvePlain
 * @returns {string}
 */
function resolveImport(request, importerDir, target, resolvePlain) {
  const submission = target?.kind === "dir" ? submissionExercise(importerDir, target.dir) : undefined;
  if (!submission) return resolveUnconfined(request, importerDir, target, resolvePlain);
  const byPath = request.startsWith(".") || path.isAbsolute(request);
  if (!byPath && !mayImport(request, submission.kind, submission.allowedImports))
    return refusalModule(request, importerDir, submission);
  if (byPath && relativeInside(path.resolve(importerDir, request), submission.srcDir) === undefined)
    return refusalModule(request, importerDir, submission);
  const file = resolveUnconfined(request, importerDir, target, resolvePlain);
  // A file of its own src/, or a given module the submission does not have (the workbook's copy).
  const own = relativeInside(file, submission.srcDir) !== undefined;
  const given =
    relativeInside(file, exerciseSrc(submission.track, submission.slug)) !== undefined &&
    isGivenModule({ ...submission, module: path.basename(file).replace(/\.ts$/, "") });
  return !byPath || own || given ? file : refusalModule(request, importerDir, submission);
}

/**
 * The exercise a file of a submission belongs to, with what its kind and manifest allow, when the
 * importing folder lies in a student's copy; undefined for the workbook's own files.
 * @param {string} importerDir @param {string} submissionRoot
 * @returns {SubmissionExercise | undefined}
 */
function submissionExercise(importerDir, submissionRoot) {
  if (relativeInside(importerDir, submissionRoot) === undefined) return undefined;
  const owner = layerOwner(importerDir);
  if (!owner) return { track: "", slug: "", srcDir: "", kind: "pure", allowedImports: [] };
  const manifest = readManifest(owner.track, owner.slug);
  return { ...owner, srcDir: path.join(submissionRoot, owner.track, owner.slug, "src"), ...manifest };
}

/** @type {Map<string, { kind: string, allowedImports: string[] }>} */
const manifests = new Map();

/** @param {string} track @param {string} slug */
function readManifest(track, slug) {
  const key = `${track}/${slug}`;
  let manifest = manifests.get(key);
  if (!manifest) {
    const json = JSON.parse(fs.readFileSync(path.join(EXERCISES_DIR, track, slug, "exercise.json"), "utf8"));
    manifest = {
      kind: String(json.kind),
      allowedImports: Array.isArray(json.allowedImports) ? json.allowedImports : [],
    };
    manifests.set(key, manifest);
  }
  return manifest;
}

/**
 * A refused import resolves to a module that throws the refusal when it loads: a resolver's own
 * error is reported by jest as "Cannot find module", which would hide why.
 * @param {string} request @param {string} importerDir @param {SubmissionExercise} submission
 * @returns {string}
 */
function refusalModule(request, importerDir, submission) {
  const where = submission.slug ? `${submission.track}/${submission.slug}` : importerDir;
  const message =
    `${where} imports "${request}" (from ${importerDir}), which a graded submission may not: ` +
    `${describeAllowed(submission.kind, submission.allowedImports)}. Remove the import; this exercise is not graded until then.`;
  const dir = path.join(os.tmpdir(), "kata-refused-imports");
  const file = path.join(dir, `${crypto.createHash("sha256").update(message).digest("hex").slice(0, 16)}.js`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      file,
      `const e = new Error(${JSON.stringify(message)});\ne.name = "SubmissionImportError";\nthrow e;\n`,
    );
  }
  return file;
}

/**
 * resolveImport without the fence around a submission.
 * @param {string} request @param {string} importerDir @param {Target | undefined} target
 * @param {(request: string) => string} resolvePlain
 * @returns {string}
 */
function resolveUnconfined(request, importerDir, target, resolvePlain) {
  const api = kataApiFile(request);
  if (api) return resolvePlain(api);
  if (!request.startsWith(".")) return resolvePackage(request, resolvePlain);
  const requested = path.resolve(importerDir, request);
  const owner = layerOwner(importerDir);
  if (target && owner && path.dirname(requested) === importerDir) {
    // A layer's sibling import goes through the target's layers too, so a variant that replaces
    // one small module changes what the reference around it uses.
    const file = implementationFile({ ...owner, module: path.basename(requested).replace(/\.ts$/, "") }, target);
    if (fs.existsSync(file)) return file;
  }
  const name = moduleNamedBy(requested);
  if (target && name && !owner) {
    const file = implementationFile(name, target);
    if (!fs.existsSync(file)) {
      throw new TargetError(
        `the ${describeTarget(target)} target has no ${name.track}/${name.slug} module "${name.module}" (looked for ${file}); ` +
          `a submission keeps the file names of exercises/${name.track}/${name.slug}/src/`,
      );
    }
    return file;
  }
  try {
    return resolvePlain(request);
  } catch (error) {
    const fallback = fallbackFile(requested);
    if (fallback === undefined) throw error;
    return resolvePlain(fallback);
  }
}

/**
 * A bare import (a package or a built-in), from where the importer is or else from the workbook:
 * a student's copy graded from a folder outside the workbook (/tmp/class/ada/...) has no
 * node_modules of its own, and a ws or sql exercise's own code imports its package (ws,
 * better-sqlite3). Whether it may is submission-rules.cjs's question, asked before this.
 * @param {string} request @param {(request: string) => string} resolvePlain
 * @returns {string}
 */
function resolvePackage(request, resolvePlain) {
  try {
    return resolvePlain(request);
  } catch (error) {
    if (path.isAbsolute(request)) throw error;
    let fromWorkbook;
    try {
      fromWorkbook = require.resolve(request, { paths: [REPO_ROOT] });
    } catch {
      throw error;
    }
    return resolvePlain(fromWorkbook);
  }
}

module.exports = {
  REPO_ROOT,
  EXERCISES_DIR,
  SOLUTIONS_DIR,
  TargetError,
  TARGET_SPELLINGS,
  parseTarget,
  describeTarget,
  targetFromEnv,
  layersOf,
  implementationFile,
  isGivenModule,
  moduleNamedBy,
  layerOwner,
  fallbackFile,
  kataApiFile,
  resolveImport,
};
