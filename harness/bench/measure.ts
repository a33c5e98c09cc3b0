/**
 * Measures one workload of a bench on two implementations: the learner's (or whichever target is
 * being graded) and the reference. Throughput and scaling run interleaved in this process; sim
 * figures are deterministic; HTTP goes through http-load.ts.
 */
import type { ScalingWorkload, SimWorkload, ThroughputWorkload } from "./define";
import { interleave, medianOverRotations } from "./interleave";
import type { WorkloadMeasurement } from "./result";

/**
 * Each measure function takes the workload twice, from two instances of bench.ts (`mine` for the
 * learner, `theirs` for the reference), so neither side's closures are shared with the other.
 */
export function measureThroughput<Api>(
  mine: ThroughputWorkload<Api>,
  theirs: ThroughputWorkload<Api>,
  learner: Api,
  reference: Api,
): WorkloadMeasurement {
  const workload = mine;
  const rounds = interleave([mine.setup(learner), theirs.setup(reference)]);
  const ratio = medianOverRotations(
    rounds.map(([l, r]) => (l as number) / (r as number)),
    2,
  );
  const learnerRate = medianOverRotations(
    rounds.map((round) => round[0] as number),
    2,
  );
  const referenceRate = medianOverRotations(
    rounds.map((round) => round[1] as number),
    2,
  );
  return {
    name: workload.name,
    kind: "throughput",
    unit: `${workload.unit}/s`,
    learner: learnerRate,
    reference: referenceRate,
    ratio,
    detail: `median of ${rounds.length} interleaved rounds: ${formatRate(learnerRate)} vs reference ${formatRate(referenceRate)} ${workload.unit}/s`,
  };
}

export function measureScaling<Api>(
  mine: ScalingWorkload<Api>,
  theirs: ScalingWorkload<Api>,
  learner: Api,
  reference: Api,
): WorkloadMeasurement {
  const workload = mine;
  const rounds = interleave([
    mine.small.setup(learner),
    mine.large.setup(learner),
    theirs.small.setup(reference),
    theirs.large.setup(reference),
  ]);
  const keeps = (round: number[], small: number, large: number): number =>
    (round[large] as number) / (round[small] as number);
  const learnerKeeps = medianOverRotations(
    rounds.map((round) => keeps(round, 0, 1)),
    4,
  );
  const referenceKeeps = medianOverRotations(
    rounds.map((round) => keeps(round, 2, 3)),
    4,
  );
  const ratio = medianOverRotations(
    rounds.map((round) => keeps(round, 0, 1) / keeps(round, 2, 3)),
    4,
  );
  return {
    name: workload.name,
    kind: "scaling",
    unit: "speed kept",
    learner: learnerKeeps,
    reference: referenceKeeps,
    ratio,
    detail:
      `from ${workload.small.label} to ${workload.large.label} the learner keeps ${pct(learnerKeeps)} of its ${workload.unit}/s, ` +
      `the reference ${pct(referenceKeeps)} (median of ${rounds.length} interleaved rounds)`,
  };
}

export async function measureSim<Api>(
  mine: SimWorkload<Api>,
  theirs: SimWorkload<Api>,
  learner: Api,
  reference: Api,
): Promise<WorkloadMeasurement> {
  const workload = mine;
  const mean = async (w: SimWorkload<Api>, api: Api): Promise<number> => {
    let total = 0;
    for (let seed = 1; seed <= w.seeds; seed++) total += await w.measure(api, seed);
    return total / w.seeds;
  };
  const referenceMean = await mean(theirs, reference);
  const learnerMean = await mean(mine, learner);
  return {
    name: workload.name,
    kind: "sim",
    unit: workload.unit,
    learner: learnerMean,
    reference: referenceMean,
    ratio: learnerMean === 0 ? 1 : referenceMean / learnerMean,
    detail: `mean over seeds 1-${workload.seeds}: ${learnerMean.toPrecision(3)} vs reference ${referenceMean.toPrecision(3)} ${workload.unit} (lower is better)`,
  };
}

export function formatRate(rate: number): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)}M`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(1)}k`;
  return rate.toFixed(0);
}

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
}
