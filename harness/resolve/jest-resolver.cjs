// @ts-check
/**
 * Jest's resolver for the workbook: every import goes through targets.cjs's resolveImport, with
 * the target named by KATA_TARGET.
 */
const { resolveImport, targetFromEnv } = require("./targets.cjs");

const target = targetFromEnv();

/**
 * @param {string} request
 * @param {{ basedir: string, defaultResolver: (request: string, options: object) => string }} options
 * @returns {string}
 */
module.exports = function resolve(request, options) {
  return resolveImport(request, options.basedir, target, (plain) => options.defaultResolver(plain, options));
};
