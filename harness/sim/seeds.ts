/**
 * Running a simulated test over many seeds, and making its failure replayable: the failure says
 * which seed broke, the command that replays exactly that run, and the end of its timeline.
 */
import path from "node:path";
import { Simulation } from "./simulation";

/** 1..count, or only KATA_SEED when it is set (to replay one run). */
export function seedsToRun(count: number): number[] {
  const only = process.env.KATA_SEED;
  if (only !== undefined && only !== "") {
    const seed = Number(only);
    if (!Number.isSafeInteger(seed)) throw new Error(`KATA_SEED must be an integer, got ${JSON.stringify(only)}`);
    return [seed];
  }
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** The exercise slug of the running jest test file, for the replay command. */
function currentSlug(): string {
  const state = typeof expect === "function" ? (expect.getState() as { testPath?: string }) : {};
  if (!state.testPath) return "<slug>";
  const dir = path.basename(path.dirname(state.testPath));
  return dir;
}

export class SeededFailure extends Error {
  override readonly name = "SeededFailure";
}

/**
 * Runs `body` once per seed. On the first failure, throws an error that names the seed, the
 * replay command and the last events of the simulation the body created.
 */
export function forEachSeed(count: number, body: (seed: number) => void, options: { timelineLines?: number } = {}): void {
  for (const seed of seedsToRun(count)) {
    Simulation.forgetMostRecent();
    try {
      body(seed);
    } catch (error) {
      const original = error instanceof Error ? error.message : String(error);
      const sim = Simulation.mostRecent();
      const timeline = sim ? `\n\nThe last events of that run (virtual time, node, event):\n${sim.timeline.render(options.timelineLines ?? 40)}` : "";
      const failure = new SeededFailure(
        `with seed ${seed}: ${original}\n\nReplay exactly this run: KATA_SEED=${seed} npm test -- ${currentSlug()}${timeline}`,
      );
      if (error instanceof Error && error.stack) failure.stack = `${failure.name}: ${failure.message}\n${error.stack.split("\n").slice(1).join("\n")}`;
      throw failure;
    }
  }
}
