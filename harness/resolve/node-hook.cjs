// @ts-check
/**
 * The workbook's import rules for plain Node (the bench and server children that tsx runs), the
 * same rules jest's resolver applies (targets.cjs): `#kata` names the workbook's harness even from
 * a student copy outside it, a layer's missing given module falls back to exercises/, and under a
 * chosen target every import of an exercise's module goes to that target's layers.
 *
 * Required first thing by every child that loads learner or reference code. A bench loads two
 * sides in one process, each under its own target: `loadUnderTarget` clears the module cache of
 * everything but the harness and node_modules between them, so each side gets instances of its
 * own (a naive variant and the reference it wraps never share a module that one of them replaced).
 */
const Module = require("node:module");
const path = require("node:path");
const { REPO_ROOT, resolveImport } = require("./targets.cjs");

/** @type {import("./targets.cjs").Target | undefined} */
let activeTarget;

/** @type {any} Node's internal resolver, the one tsx and tsconfig-paths extend the same way */
const NodeModule = Module;
const plainResolve = NodeModule._resolveFilename;

/**
 * @param {string} request
 * @param {{ filename?: string | null } | undefined} parent
 * @param {...unknown} rest
 */
NodeModule._resolveFilename = function resolveFilename(request, parent, ...rest) {
  const importerDir = parent?.filename ? path.dirname(parent.filename) : process.cwd();
  return resolveImport(request, importerDir, activeTarget, (plain) => plainResolve.call(this, plain, parent, ...rest));
};

const KEEP = [path.join(REPO_ROOT, "harness") + path.sep, `${path.sep}node_modules${path.sep}`];

/**
 * Runs `load` with `target` as the target of every import it makes, after dropping every cached
 * module that is not the harness's or a package's.
 * @template T
 * @param {import("./targets.cjs").Target} target
 * @param {() => T} load
 * @returns {T}
 */
function loadUnderTarget(target, load) {
  for (const file of Object.keys(require.cache)) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- evicting learner and reference modules
    if (!KEEP.some((kept) => file.includes(kept))) delete require.cache[file];
  }
  const previous = activeTarget;
  activeTarget = target;
  try {
    return load();
  } finally {
    activeTarget = previous;
  }
}

module.exports = { loadUnderTarget };
