/**
 * Interleaved timing of several operations in one process. Each operation is warmed up (so V8
 * has optimised it), given a batch size that takes about `batchMs`, then the batches run in turn,
 * round after round, with the order rotated every round. Whatever the machine does meanwhile (a
 * GC, a busy neighbour, a CPU frequency change) falls on all operations alike, and ratios taken
 * within a round stay honest where absolute figures would drift.
 *
 * Why not tinybench: it runs one task's iterations to completion before the next task starts, so
 * a slow phase of the machine lands on one side of the comparison. See docs/dependencies.md.
 */
import type { Operation } from "./define";

export interface InterleaveOptions {
  warmupMs: number;
  batchMs: number;
  rounds: number;
}

export const DEFAULT_INTERLEAVE: InterleaveOptions = { warmupMs: 250, batchMs: 12, rounds: 15 };

let sink: unknown;

/** Keeps results alive so no operation can be optimised away. */
export function consumed(): unknown {
  return sink;
}

type BatchRunner = (op: Operation, count: number) => number;

/**
 * A timing loop of its own for each operation. A loop shared by all operations sees several
 * callees at its `op()` call, and V8 optimises it for whichever came first; a loop compiled from
 * source for each one is optimised for that operation alone, as the reference's loop is for its.
 */
function compileBatchRunner(): BatchRunner {
  const run = new Function(
    "hrtime",
    "keep",
    `return function runBatch(op, count) {
      let last;
      const start = hrtime();
      for (let i = 0; i < count; i++) last = op();
      const elapsed = hrtime() - start;
      keep(last);
      return Number(elapsed) / 1e6;
    };`,
  ) as (hrtime: () => bigint, keep: (value: unknown) => void) => BatchRunner;
  return run(process.hrtime.bigint, (value) => {
    sink = value;
  });
}

/** Runs `op` for about `ms` and returns a batch size that takes about `batchMs`. */
function warmAndCalibrate(runBatch: BatchRunner, op: Operation, ms: number, batchMs: number): number {
  let count = 1;
  let spent = 0;
  let lastRate = 0;
  while (spent < ms) {
    const took = runBatch(op, count);
    spent += took;
    if (took > 0) lastRate = count / took;
    if (took < batchMs) count *= 2;
  }
  return Math.max(1, Math.round(lastRate * batchMs));
}

/**
 * Operations per second of each operation in each round: result[round][operation].
 */
export function interleave(ops: Operation[], options: InterleaveOptions = DEFAULT_INTERLEAVE): number[][] {
  const runners = ops.map(() => compileBatchRunner());
  const batches = ops.map((op, i) =>
    warmAndCalibrate(runners[i] as BatchRunner, op, options.warmupMs, options.batchMs),
  );
  const rounds: number[][] = [];
  for (let round = 0; round < options.rounds; round++) {
    const rates = new Array<number>(ops.length).fill(0);
    for (let k = 0; k < ops.length; k++) {
      const i = (k + round) % ops.length;
      const count = batches[i] as number;
      rates[i] = count / ((runners[i] as BatchRunner)(ops[i] as Operation, count) / 1000);
    }
    rounds.push(rates);
  }
  return rounds;
}

/**
 * The median, over every run of `cycle` consecutive rounds, of the geometric mean of `values` in
 * that run. `interleave` rotates the order every round, so `cycle` consecutive rounds (the number
 * of operations) put each operation in every position once. That matters when a batch pays for
 * the one before it: a workload that keeps thousands of medium-lived objects makes V8 collect old
 * space constantly, and the garbage collection one batch starts lands on the next. Measured on
 * media-pipeline's reference against itself, whichever side ran second in a round ran about 3x
 * slower, so per-round ratios came out near 3 or near 1/3 and a plain median picked one of the two
 * modes (CI once saw 0.31 for identical code). Over a full rotation the position effect cancels.
 */
export function medianOverRotations(values: number[], cycle: number): number {
  if (cycle <= 1 || values.length < cycle) return median(values);
  const means: number[] = [];
  for (let start = 0; start + cycle <= values.length; start++) {
    let logSum = 0;
    for (let k = start; k < start + cycle; k++) logSum += Math.log(values[k] as number);
    means.push(Math.exp(logSum / cycle));
  }
  return median(means);
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
