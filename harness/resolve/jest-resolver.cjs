// @ts-check
/**
 * Jest's resolver for the workbook. A test's import of an implementation module is sent to the
 * target chosen by KATA_TARGET (see targets.cjs); imports made by implementation files among
 * themselves resolve as usual, so a solution's `./errors` stays its own.
 */
const fs = require("node:fs");
const {
  targetFromEnv,
  implementationModuleOf,
  implementationFile,
  kataApiFile,
  describeTarget,
} = require("./targets.cjs");

const target = targetFromEnv();

/**
 * Jest tells a resolver the importer's folder, not its file; a folder inside a learner's src/
 * holds only implementation files.
 * @param {string} basedir @param {import("./targets.cjs").Target} target
 */
function isLearnerSourceFolder(basedir, target) {
  return implementationModuleOf(`${basedir}/importer.ts`, target) !== undefined;
}

/**
 * @param {string} request
 * @param {{ basedir: string, defaultResolver: (request: string, options: object) => string }} options
 * @returns {string}
 */
module.exports = function resolve(request, options) {
  const api = kataApiFile(request);
  if (api) return api;

  const resolved = options.defaultResolver(request, options);
  if (!request.startsWith(".")) return resolved;

  // A learner's source file importing its sibling keeps that import inside the same copy.
  if (isLearnerSourceFolder(options.basedir, target)) return resolved;

  const name = implementationModuleOf(resolved, target);
  if (!name) return resolved;
  const file = implementationFile(name, target);
  if (!fs.existsSync(file)) {
    throw new Error(
      `the ${describeTarget(target)} target has no ${name.track}/${name.slug} module "${name.module}" (looked for ${file}); ` +
        `a submission must keep the file names of exercises/${name.track}/${name.slug}/src/`,
    );
  }
  return file;
};
