/**
 * Running a simulated test over many seeds, and making its failure replayable: the failure says
 * which seed broke, the command that replays exactly that run (the same target, the same test
 * file, the same test), and the end of the timeline of each simulation the failing seed created.
 *
 * Two variables, one meaning each: KATA_SEED seeds a test file's random data (seededFaker,
 * propertySettings); KATA_REPLAY names the one simulation seed forEachSeed runs instead of all.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import targets from "../resolve/targets.cjs";
import { failurePage } from "./sequence-diagram";
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

type AnySimulation = Simulation<unknown, SimNode<unknown>>;

/** The simulations worth showing: the broken one when the error names it, else every one the seed made. */
function brokenSimulations(error: unknown, made: AnySimulation[]): AnySimulation[] {
  return error instanceof SimulationError && error.simulation ? [error.simulation] : made;
}

const PICTURE_EVENTS = 80;

/**
 * Writes the failure's picture (sequence-diagram.ts) to .kata/failures/ and returns its path
 * relative to the workbook, or undefined when there is nothing to draw or KATA_PICTURES=off
 * (verify, which fails wrong designs on purpose, by the hundred).
 */
function drawPicture(seed: number, failure: string, replay: string, sims: AnySimulation[]): string | undefined {
  const sim = sims[0];
  if (sim === undefined || process.env.KATA_PICTURES === "off") return undefined;
  try {
    const state =
      typeof expect === "function" ? (expect.getState() as { testPath?: string; currentTestName?: string }) : {};
    const slug = state.testPath ? path.basename(path.dirname(state.testPath)) : "simulation";
    const test = (state.currentTestName ?? "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60);
    const file = path.join(
      targets.REPO_ROOT,
      ".kata",
      "failures",
      `${slug}-${test ? `${test}-` : ""}seed-${seed}.html`,
    );
    const entries = sim.timeline
      .all()
      .filter((e) => e.kind !== "timer")
      .slice(-PICTURE_EVENTS);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      failurePage({
        title: `${slug}, seed ${seed}`,
        failure: `with seed ${seed}: ${failure}`,
        replay,
        nodes: sim.nodeIds,
        entries,
      }),
    );
    return path.relative(process.cwd(), file);
  } catch {
    return undefined; // a picture is a help: failing to draw it must not hide the failure
  }
}

function timelines(error: unknown, made: AnySimulation[], lines: number): string {
  const broken = brokenSimulations(error, made);
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
      const replay = replayCommand(seed);
      const picture = drawPicture(seed, original, replay, brokenSimulations(error, made));
      const failure = new SeededFailure(
        `with seed ${seed}: ${original}\n\nReplay exactly this run: ${replay}` +
          (picture ? `\nA picture of the run (open it in a browser): ${picture}` : "") +
          timelines(error, made, options.timelineLines ?? 40),
      );
      if (error instanceof Error && error.stack)
        failure.stack = `${failure.name}: ${failure.message}\n${error.stack.split("\n").slice(1).join("\n")}`;
      throw failure;
    }
  }
}
