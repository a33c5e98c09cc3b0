/**
 * The CLI's error boundary: an error a user can fix (unknown slug, missing folder, malformed
 * exercise.json) is one line and exit code 1; anything else is a bug in the harness and keeps its
 * stack trace.
 */
import pc from "picocolors";
import { CatalogError } from "../catalog/exercise-meta";
import targets from "../resolve/targets.cjs";
import { GradebookError } from "../gradebook/errors";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function isUserError(error: unknown): error is Error {
  return (
    error instanceof CatalogError ||
    error instanceof targets.TargetError ||
    error instanceof UsageError ||
    error instanceof GradebookError
  );
}

export function reportAndExit(error: unknown): never {
  if (isUserError(error)) {
    process.stderr.write(`${pc.red("kata:")} ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `${pc.red("kata: internal error")} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(2);
}
