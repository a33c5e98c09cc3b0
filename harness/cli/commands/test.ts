/** `kata test <slug>`: jest on one exercise, output streamed as jest prints it. */
import { spawnSync } from "node:child_process";
import targets from "../../resolve/targets.cjs";
import type { Exercise } from "../../catalog/catalog";
import { JEST_BIN } from "../../run/tools";

export interface TestCommandOptions {
  target: string;
  hidden: boolean;
  seed?: string;
  replay?: string;
  only?: string;
  watch: boolean;
}

export function testCommand(exercise: Exercise, options: TestCommandOptions): number {
  targets.parseTarget(options.target); // a bad target fails here, in one line, not inside jest
  const files = options.hidden ? [exercise.visibleTest, exercise.hiddenTest] : [exercise.visibleTest];
  const args = [
    JEST_BIN,
    ...(options.watch ? ["--watch"] : []),
    ...(options.only !== undefined ? ["-t", options.only] : []),
    "--runTestsByPath",
    ...files,
  ];
  const result = spawnSync(process.execPath, args, {
    cwd: targets.REPO_ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      KATA_TARGET: options.target,
      KATA_SUITE: options.hidden ? "graded" : "visible",
      ...(options.seed !== undefined ? { KATA_SEED: options.seed } : {}),
      ...(options.replay !== undefined ? { KATA_REPLAY: options.replay } : {}),
    },
  });
  return result.status ?? 1;
}
