// @ts-check
/**
 * The workbook's import rules for plain Node (the bench and server children that tsx runs): a
 * layer's missing file falls back as targets.cjs says, and `#kata` names the workbook's harness
 * even from a student copy outside it. Required first thing by every child that loads learner or
 * reference code, so a reference module importing its given `./errors` loads here as under jest.
 */
const Module = require("node:module");
const path = require("node:path");
const { resolveImport } = require("./targets.cjs");

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
  return resolveImport(request, importerDir, undefined, (plain) => plainResolve.call(this, plain, parent, ...rest));
};
