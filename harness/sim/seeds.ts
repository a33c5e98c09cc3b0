/**
 * Running a simulated test over many seeds, and making its failure replayable: the failure says
 * which seed broke, the command that replays exactly that run (the same target, the same test
 * file, the same test), and the end of the timeline of each simulation the failing seed created.
 *
 * Two variables, one meaning each: KATA_SEED seeds a test file's random data (seededFaker,
 * propertySettings); KATA_REPLAY names the one simulation seed forEachSeed runs instead of all.
 */
import path from "node:path";
import targets from "../resolve/targets.cjs";
import { collectSimulations, SimulationError, type Simulation, type SimNode } from "./simulation";

/** 1..count, or only KATA_REPLAY's seed when it is set. */
export function seedsToRun(count: number): number[] {
  const only = process.env.KATA_REPLAY;
  if (only !== undefined && only !== "") {
    const seed = Number(only);
    if (!Number.isSafeInteger(seed))
      throw new Error(`KATA_REPLAY must be an integer seed, got ${JSON.stringify(only)}; unset it to run every seed`);
    return [seed];
  }
  return Array.from({ length: count }, (_, i) => i + 1);
}

export class SeededFailure extends Error {
  override readonly name = "SeededFailure";
}

const quote = (text: string): string => `"${text.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;

/**
 * The command that runs exactly this test again with only `seed`: the exercise (from the test
 * file's folder), hidden or visible, the target jest ran against, the test's name, and the data
 * seed if one was set.
 */
export function replayCommand(seed: number): string {
  const state =
    typeof expect === "function" ? (expect.getState() as { testPath?: string; currentTestName?: string }) : {};
  const slug = state.testPath ? path.basename(path.dirname(state.testPath)) : "<slug>";
  const hidden = state.testPath?.endsWith("hidden.test.ts") === true;
  const target = process.env.KATA_TARGET;
  const parts = [`KATA_REPLAY=${seed}`];
  if (process.env.KATA_SEED) parts.push(`KATA_SEED=${process.env.KATA_SEED}`);
  parts.push("npx kata test", slug);
  if (hidden) parts.push("--hidden");
  if (target && target !== "exercises") parts.push("--target", targets.describeTarget(targets.parseTarget(target)));
  if (state.currentTestName) parts.push("--only", quote(state.currentTestName));
  return parts.join(" ");
}

/** The timelines worth showing: the broken simulation's when the error names it, else every one the seed made. */
function timelines(error: unknown, made: Simulation<unknown, SimNode<unknown>>[], lines: number): string {
  const broken = error instanceof SimulationError && error.simulation ? [error.simulation] : made;
  return broken
    .map((sim, i) => {
      const which = broken.length > 1 ? ` (simulation ${i + 1} of ${broken.length})` : "";
      return `\n\nThe last events of that run${which} (virtual time, node, event):\n${sim.timeline.render(lines)}`;
    })
    .join("");
}

/**
 * Runs `body` once per seed. On the first failure, throws an error that names the seed, the
 * replay command and the last events of the simulations the body created for that seed.
 */
export function forEachSeed(
  count: number,
  body: (seed: number) => void,
  options: { timelineLines?: number } = {},
): void {
  for (const seed of seedsToRun(count)) {
    const made: Simulation<unknown, SimNode<unknown>>[] = [];
    try {
      collectSimulations(made, () => body(seed));
    } catch (error) {
      const original = error instanceof Error ? error.message : String(error);
      const failure = new SeededFailure(
        `with seed ${seed}: ${original}\n\nReplay exactly this run: ${replayCommand(seed)}${timelines(error, made, options.timelineLines ?? 40)}`,
      );
      if (error instanceof Error && error.stack)
        failure.stack = `${failure.name}: ${failure.message}\n${error.stack.split("\n").slice(1).join("\n")}`;
      throw failure;
    }
  }
}
