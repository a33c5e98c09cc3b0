// @ts-check
/**
 * A learner's progress through the workbook, kept in `.kata/progress.json` in their copy
 * (git-ignored: it is theirs, not the course's). Per exercise: a status, the last run's counts,
 * the hints taken, and the grade once graded.
 *
 *   not-started  no run yet, or every test still fails on the stub's not-implemented message
 *   failing      some visible test fails
 *   passing      every visible test passes
 *   done         graded with every test passing (score and date kept); a later failing run
 *                takes it back to failing
 *
 * CommonJS on purpose: jest's reporters are loaded with a plain `require` (no TypeScript
 * transform), and the progress reporter (progress-reporter.cjs) writes here after every test run,
 * `npm test -- <slug>` included. The TypeScript commands (list, next, hint, grade, watch) use the
 * same file through progress.ts.
 */
const fs = require("node:fs");
const path = require("node:path");

const REPO_ROOT = path.resolve(__dirname, "..", "..");

/**
 * @typedef {"not-started" | "failing" | "passing" | "done"} Status
 * @typedef {{
 *   status: Status,
 *   passed?: number,
 *   total?: number,
 *   lastRun?: string,
 *   hintsTaken?: number,
 *   score?: number,
 *   gradedAt?: string,
 * }} ExerciseProgress
 * @typedef {{ version: 1, exercises: Record<string, ExerciseProgress> }} Progress
 * @typedef {{ passed: number, total: number, onlyNotImplemented: boolean }} RunCounts
 */

/** Where the progress lives; KATA_PROGRESS_FILE moves it (the harness's own tests use a temp file). */
function progressFile() {
  return process.env.KATA_PROGRESS_FILE || path.join(REPO_ROOT, ".kata", "progress.json");
}

/** The hints counter of earlier versions, folded into progress.json on first read. */
function legacyHintsFile() {
  return path.join(path.dirname(progressFile()), "hints.json");
}

/** @returns {Progress} */
function readProgress() {
  /** @type {Progress} */
  let progress = { version: 1, exercises: {} };
  try {
    const parsed = JSON.parse(fs.readFileSync(progressFile(), "utf8"));
    if (parsed && parsed.version === 1 && typeof parsed.exercises === "object") progress = parsed;
  } catch {
    // No file yet, or a damaged one: start afresh rather than stop the learner's test run.
  }
  try {
    const hints = JSON.parse(fs.readFileSync(legacyHintsFile(), "utf8"));
    for (const [id, count] of Object.entries(hints)) {
      const entry = (progress.exercises[id] ??= { status: "not-started" });
      if (typeof count === "number") entry.hintsTaken = Math.max(entry.hintsTaken ?? 0, count);
    }
  } catch {
    // no legacy file
  }
  return progress;
}

/** @param {Progress} progress */
function writeProgress(progress) {
  const file = progressFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename: a test run stopped halfway never leaves half a file behind.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(progress, null, 2)}\n`);
  fs.renameSync(temp, file);
  fs.rmSync(legacyHintsFile(), { force: true });
}

/**
 * @param {string} id
 * @param {(entry: ExerciseProgress) => void} change
 */
function update(id, change) {
  const progress = readProgress();
  const entry = (progress.exercises[id] ??= { status: "not-started" });
  change(entry);
  writeProgress(progress);
}

/**
 * What a full run of an exercise's visible tests against the learner's code says.
 * @param {string} id
 * @param {RunCounts} counts
 * @param {Date} [at]
 */
function recordTestRun(id, counts, at = new Date()) {
  update(id, (entry) => {
    entry.passed = counts.passed;
    entry.total = counts.total;
    entry.lastRun = at.toISOString();
    const allPass = counts.total > 0 && counts.passed === counts.total;
    if (allPass) entry.status = entry.status === "done" ? "done" : "passing";
    else if (counts.passed === 0 && counts.onlyNotImplemented) entry.status = "not-started";
    else entry.status = "failing";
  });
}

/**
 * @param {string} id
 * @param {number} count hints seen so far
 */
function recordHints(id, count) {
  update(id, (entry) => {
    entry.hintsTaken = count;
  });
}

/**
 * A grade: done when every test passed, failing otherwise.
 * @param {string} id
 * @param {{ score: number, allTestsPass: boolean }} grade
 * @param {Date} [at]
 */
function recordGrade(id, grade, at = new Date()) {
  update(id, (entry) => {
    entry.score = grade.score;
    entry.gradedAt = at.toISOString();
    entry.status = grade.allTestsPass ? "done" : "failing";
  });
}

module.exports = { REPO_ROOT, progressFile, readProgress, recordTestRun, recordHints, recordGrade };
