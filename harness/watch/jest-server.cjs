// @ts-check
/**
 * The warm test runner behind `kata watch`: a child process that keeps jest loaded and runs the
 * files it is sent, one request at a time, answering with the same JSON shape as `jest --json`.
 * A second run in a warm process takes about a third of a cold one (jest's start-up, its
 * transformer and the module resolution are paid once), which is what brings the first failure on
 * screen within about a second of a save.
 *
 * The learner's code still runs here, not in the watch process: an infinite loop stalls this
 * child, and the watch process kills it at the time limit and starts another (warm-jest.ts).
 * The environment (KATA_TARGET, KATA_SUITE) is fixed when the child starts, since jest.config.ts
 * reads it once.
 *
 * Protocol (IPC): the child sends { ready: true }; the parent sends { id, files }; the child
 * answers { id, report } or { id, error }.
 */
const path = require("node:path");
const { runCLI } = require("jest");

const ROOT = path.resolve(__dirname, "..", "..");
const PROGRESS_REPORTER = path.join(ROOT, "harness", "progress", "progress-reporter.cjs");

/**
 * @typedef {{ ancestorTitles: string[], title: string, status: string, failureMessages: string[] }} Assertion
 * @typedef {{
 *   testFilePath: string,
 *   numFailingTests: number,
 *   failureMessage?: string | null,
 *   testExecError?: unknown,
 *   testResults: Assertion[],
 * }} FileResult
 */

/** jest's aggregated result in the shape of its --json report: what run-tests.ts reads. */
function asJsonReport(/** @type {{ testResults: FileResult[] }} */ results) {
  return {
    testResults: results.testResults.map((file) => ({
      name: file.testFilePath,
      status: file.numFailingTests > 0 || file.testExecError ? "failed" : "passed",
      message: file.failureMessage ?? "",
      assertionResults: file.testResults.map((t) => ({
        ancestorTitles: t.ancestorTitles,
        title: t.title,
        status: t.status,
        failureMessages: t.failureMessages,
      })),
    })),
  };
}

process.on("message", (/** @type {{ id: number, files: string[] }} */ request) => {
  runCLI(
    // Only the progress reporter: the screen is the watch process's, and it prints nothing.
    {
      _: request.files,
      $0: "jest",
      runTestsByPath: true,
      runInBand: true,
      ci: true,
      silent: true,
      reporters: [PROGRESS_REPORTER],
    },
    [ROOT],
  ).then(
    ({ results }) => process.send?.({ id: request.id, report: asJsonReport(/** @type {never} */ (results)) }),
    (/** @type {unknown} */ error) =>
      process.send?.({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});

// The watch process is gone (killed, or its terminal closed): nothing is left to run tests for.
process.on("disconnect", () => process.exit(0));

process.send?.({ ready: true });
