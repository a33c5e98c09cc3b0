/** Where the tools the harness runs in child processes live: one place for every path. */
import path from "node:path";
import targets from "../resolve/targets.cjs";

const bin = (...parts: string[]): string => path.join(targets.REPO_ROOT, "node_modules", ...parts);

export const JEST_BIN = bin("jest", "bin", "jest.js");
export const TSX_CLI = bin("tsx", "dist", "cli.mjs");
export const TSC_BIN = bin("typescript", "bin", "tsc");
export const ESLINT_BIN = bin("eslint", "bin", "eslint.js");
export const PRETTIER_BIN = bin("prettier", "bin", "prettier.cjs");
