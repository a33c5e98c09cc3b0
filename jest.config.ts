/** @jest-config-loader esbuild-register */
/**
 * One jest configuration for every use. What runs is chosen by KATA_SUITE, what stands behind an
 * exercise's imports by KATA_TARGET (see harness/resolve/targets.cjs):
 *   KATA_SUITE=visible (default)  exercises/<track>/<slug>/<slug>.test.ts, what a learner runs
 *   KATA_SUITE=hidden             solutions/<track>/<slug>/hidden.test.ts, grading only
 *   KATA_SUITE=graded             both of the above
 *   KATA_SUITE=harness            the harness's own tests
 */
import type { Config } from "jest";

const suites: Record<string, string[]> = {
  visible: ["<rootDir>/exercises/**/*.test.ts"],
  hidden: ["<rootDir>/solutions/**/hidden.test.ts"],
  graded: ["<rootDir>/exercises/**/*.test.ts", "<rootDir>/solutions/**/hidden.test.ts"],
  harness: ["<rootDir>/harness/**/*.test.ts"],
};

const suite = process.env.KATA_SUITE ?? "visible";
const testMatch = suites[suite];
if (!testMatch) {
  throw new Error(`KATA_SUITE=${suite} is not a suite: use one of ${Object.keys(suites).join(", ")}`);
}

const config: Config = {
  testEnvironment: "node",
  testMatch,
  resolver: "<rootDir>/harness/resolve/jest-resolver.cjs",
  transform: {
    // isolatedModules (tsconfig.json) makes ts-jest transpile file by file: about 40 % faster
    // warm runs. Types are checked once, by `tsc --noEmit`, inside `npm run verify`.
    "^.+\\.ts$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node10", isolatedModules: true } }],
  },
  // Learner code may live outside <rootDir> (a student copy); it is transformed all the same.
  transformIgnorePatterns: ["/node_modules/"],
  testPathIgnorePatterns: ["/node_modules/", "/fixtures/"],
  // .kata/ holds the learner's progress and mutation-testing sandboxes (copies of the workbook).
  modulePathIgnorePatterns: ["<rootDir>/.kata/"],
  // A learner's loop test fails after this long instead of hanging (async code; a synchronous
  // infinite loop is stopped by the grader's per-exercise limit).
  testTimeout: 10_000,
  // The learner's progress (.kata/progress.json) after every full run of their own visible tests,
  // `npm test -- <slug>` included; it prints nothing and ignores every other run.
  reporters: ["default", "<rootDir>/harness/progress/progress-reporter.cjs"],
  cacheDirectory: "<rootDir>/node_modules/.cache/jest",
};

export default config;
