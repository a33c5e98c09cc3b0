/**
 * `kata test <slug>`: jest on one exercise. The exercise is type-checked at the same time (jest
 * itself runs the code without checking types), and type errors are shown first, above jest's
 * report: a wrong type otherwise surfaces as a puzzling runtime failure, or not at all.
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import pc from "picocolors";
import targets from "../../resolve/targets.cjs";
import type { Exercise } from "../../catalog/catalog";
import { JEST_BIN } from "../../run/tools";
import { describeForbidden, scanSubmission } from "../../grade/submission-scan";
import { TypeChecker, formatTypeProblems, type TypeProblem } from "../../typecheck/type-errors";

export interface TestCommandOptions {
  target: string;
  hidden: boolean;
  seed?: string;
  replay?: string;
  only?: string;
  watch: boolean;
}

export async function testCommand(exercise: Exercise, options: TestCommandOptions): Promise<number> {
  const target = targets.parseTarget(options.target); // a bad target fails here, in one line, not inside jest
  if (target.kind === "dir") {
    const src = path.join(target.dir, exercise.meta.track, exercise.meta.slug, "src");
    const forbidden = scanSubmission(exercise, src);
    if (forbidden.length > 0) {
      process.stdout.write(`${pc.red(exercise.id)}: ${describeForbidden(exercise, forbidden)}\n`);
      return 1;
    }
  }
  const files = options.hidden ? [exercise.visibleTest, exercise.hiddenTest] : [exercise.visibleTest];
  const args = [
    JEST_BIN,
    ...(options.watch ? ["--watch"] : []),
    ...(options.only !== undefined ? ["-t", options.only] : []),
    "--runTestsByPath",
    ...files,
  ];
  const env = {
    ...process.env,
    KATA_TARGET: options.target,
    KATA_SUITE: options.hidden ? "graded" : "visible",
    ...(options.seed !== undefined ? { KATA_SEED: options.seed } : {}),
    ...(options.replay !== undefined ? { KATA_REPLAY: options.replay } : {}),
  };
  if (options.watch) {
    // jest's own watch mode owns the terminal; `kata watch` is the loop with type errors.
    return spawnSync(process.execPath, args, { cwd: targets.REPO_ROOT, stdio: "inherit", env }).status ?? 1;
  }
  // jest's output is held while the type checker runs beside it, so the type errors come first.
  const color = process.stdout.isTTY ? { FORCE_COLOR: "1" } : {};
  const child = spawn(process.execPath, args, { cwd: targets.REPO_ROOT, env: { ...env, ...color } });
  const output: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  const problems = typeProblems(exercise, options.target);
  const code = await exited;
  if (problems.length > 0) {
    process.stdout.write(
      `${pc.red(`${problems.length} type error(s)`)} in ${exercise.id} (the tests below ran the code anyway, as plain JavaScript):\n` +
        `${formatTypeProblems(problems)
          .map((line) => `  ${line}`)
          .join("\n")}\n\n`,
    );
  }
  process.stdout.write(Buffer.concat(output));
  return code;
}

function typeProblems(exercise: Exercise, target: string): TypeProblem[] {
  try {
    return new TypeChecker(target).check(exercise);
  } catch {
    return []; // the type checker is a help: its own failure must not hide the test results
  }
}
