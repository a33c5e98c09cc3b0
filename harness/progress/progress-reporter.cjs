// @ts-check
/**
 * A jest reporter that keeps the learner's progress (progress-store.cjs) after every run of an
 * exercise's visible tests against their own code: `npm test -- <slug>`, `kata test`, `kata watch`.
 * It prints nothing. Runs that do not say how the learner's exercise stands are left out: another
 * target (the reference, a variant), hidden or harness suites, and partial runs (a name filter,
 * one replayed seed).
 */
const path = require("node:path");
const store = require("./progress-store.cjs");

/** What a stub's NotImplementedError says; harness/core/not-implemented.ts's marker (a test checks they agree). */
const NOT_IMPLEMENTED_MARKER = "is not implemented yet";

/**
 * @typedef {{ status: string, failureMessages: string[] }} Assertion
 * @typedef {{ testFilePath: string, testExecError?: unknown, testResults: Assertion[] }} FileResult
 */

/** `<track>/<slug>` when `file` is an exercise's visible test file, else undefined. */
function exerciseOf(/** @type {string} */ file) {
  const relative = path.relative(path.join(store.REPO_ROOT, "exercises"), file).split(path.sep);
  if (relative.length !== 3) return undefined;
  const [track, slug, name] = relative;
  return name === `${slug}.test.ts` ? `${track}/${slug}` : undefined;
}

function isLearnersFullRun(/** @type {{ testNamePattern?: string }} */ globalConfig) {
  const target = process.env.KATA_TARGET ?? "exercises";
  const suite = process.env.KATA_SUITE ?? "visible";
  return (
    process.env.KATA_PROGRESS !== "off" &&
    target === "exercises" &&
    suite === "visible" &&
    !globalConfig.testNamePattern &&
    !process.env.KATA_REPLAY
  );
}

/** The counts that decide an exercise's status, from jest's result for its test file. */
function countsOf(/** @type {FileResult} */ file) {
  const ran = file.testResults.filter((t) => t.status === "passed" || t.status === "failed");
  const failed = ran.filter((t) => t.status === "failed");
  return {
    passed: ran.length - failed.length,
    total: file.testExecError ? Math.max(ran.length, 1) : ran.length,
    onlyNotImplemented:
      !file.testExecError &&
      failed.length > 0 &&
      failed.every((t) => t.failureMessages.some((m) => m.includes(NOT_IMPLEMENTED_MARKER))),
  };
}

class ProgressReporter {
  /** @param {{ testNamePattern?: string }} globalConfig */
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  /**
   * @param {unknown} _contexts
   * @param {{ testResults: FileResult[] }} results
   */
  onRunComplete(_contexts, results) {
    if (!isLearnersFullRun(this.globalConfig)) return;
    for (const file of results.testResults) {
      const id = exerciseOf(file.testFilePath);
      if (id === undefined) continue;
      try {
        store.recordTestRun(id, countsOf(file));
      } catch {
        // Progress is a convenience: a read-only folder must not fail the learner's test run.
      }
    }
  }
}

module.exports = ProgressReporter;
module.exports.NOT_IMPLEMENTED_MARKER = NOT_IMPLEMENTED_MARKER;
