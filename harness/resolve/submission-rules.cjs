// @ts-check
/**
 * What a graded submission may import. When the workbook grades code that is not its own (a
 * folder target: a student's copy), that code runs inside the instructor's workbook, where the
 * reference solutions and hidden tests are on disk. So a submission's files may import only:
 *   - the files of its own exercise's src/ (and the exercise's given modules, by their names),
 *   - `#kata` (notImplemented, CodedError) and the harness modules its kind needs,
 *   - the Node built-ins its kind needs,
 *   - what its exercise.json lists in `allowedImports` (a given helper such as `#kata/small-lru`,
 *     or a package an exercise is built on).
 * Anything else (solutions/, a hidden test, another exercise, an npm package that does the job,
 * node:fs to read the reference) fails the exercise with a message naming the import.
 *
 * Two places apply these rules: a scan of the submission's source before its tests run
 * (harness/grade/submission-scan.ts: static imports, and the usual ways around them), and the
 * module resolver at run time (targets.cjs: a computed require or import() of a path). CommonJS,
 * like targets.cjs, because jest's resolver loads it before any transform.
 */
const { builtinModules } = require("node:module");

/** Built-ins every kind may use: none of them reads files, starts processes or loads code. */
const COMMON_BUILTINS = [
  "assert",
  "buffer",
  "crypto",
  "events",
  "path",
  "perf_hooks",
  "string_decoder",
  "timers",
  "timers/promises",
  "url",
  "util",
];
const NETWORK_BUILTINS = ["http", "net", "stream", "stream/promises", "querystring", "zlib"];

/** `#kata` (notImplemented, CodedError) and `#kata/clock` (the Clock interface and systemClock, as node:timers). */
const COMMON_KATA = ["#kata", "#kata/clock"];

/**
 * packages: npm packages the kind is built on (a ws exercise's server is a `ws` WebSocketServer);
 * an exercise's manifest may add others with allowedImports.
 * @type {Record<string, { builtins: string[], kata: string[], packages?: string[] }>}
 */
const BY_KIND = {
  pure: { builtins: COMMON_BUILTINS, kata: COMMON_KATA },
  sim: { builtins: COMMON_BUILTINS, kata: [...COMMON_KATA, "#kata/sim"] },
  http: { builtins: [...COMMON_BUILTINS, ...NETWORK_BUILTINS], kata: COMMON_KATA },
  ws: { builtins: [...COMMON_BUILTINS, ...NETWORK_BUILTINS], kata: COMMON_KATA, packages: ["ws"] },
  sql: { builtins: COMMON_BUILTINS, kata: COMMON_KATA, packages: ["better-sqlite3"] },
};

/** @param {string} specifier */
function isBuiltin(specifier) {
  return specifier.startsWith("node:") || builtinModules.includes(specifier);
}

/**
 * Whether a submission of this kind may import a bare specifier (not a relative path).
 * @param {string} specifier @param {string} kind @param {readonly string[]} allowedImports
 */
function mayImport(specifier, kind, allowedImports) {
  const rules = BY_KIND[kind] ?? BY_KIND.pure;
  if (rules === undefined) return false;
  if (
    [...(rules.packages ?? []), ...allowedImports].some(
      (allowed) => specifier === allowed || specifier.startsWith(`${allowed}/`),
    )
  )
    return true;
  if (specifier === "#kata" || specifier.startsWith("#kata/")) return rules.kata.includes(specifier);
  if (isBuiltin(specifier)) return rules.builtins.includes(specifier.replace(/^node:/, ""));
  return false;
}

/**
 * The sentence that says what a submission may import instead.
 * @param {string} kind @param {readonly string[]} allowedImports
 */
function describeAllowed(kind, allowedImports) {
  const rules = BY_KIND[kind] ?? BY_KIND.pure;
  const names = [
    ...(rules?.kata ?? []),
    ...(rules?.packages ?? []),
    ...allowedImports,
    ...(rules?.builtins ?? []).map((b) => `node:${b}`),
  ];
  return `a submission may import only its own exercise's src/ files and given modules, and ${names.join(", ")}`;
}

class SubmissionImportError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "SubmissionImportError";
  }
}

module.exports = { BY_KIND, isBuiltin, mayImport, describeAllowed, SubmissionImportError };
