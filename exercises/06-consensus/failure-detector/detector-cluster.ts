/**
 * A cluster of HeartbeatNodes on the simulated network, for the tests and the bench (given code):
 * every node watches every other with a detector the test chooses, and every change of mind is
 * recorded with the true time, so a test can measure how long a crash took to be noticed and how
 * often a live node was suspected.
 */
import { Simulation, type NetworkFaults } from "#kata/sim";
import type * as DetectorModule from "./src/failure-detector";
import type { FailureDetector, Heartbeat, HeartbeatNode } from "./src/failure-detector";

export type DetectorApi = Pick<typeof DetectorModule, "HeartbeatNode" | "FixedTimeoutDetector" | "PhiAccrualDetector">;

export interface Observation {
  observer: string;
  peer: string;
  suspected: boolean;
  /** True virtual time of the change. */
  at: number;
}

export interface DetectorCluster {
  sim: Simulation<Heartbeat, HeartbeatNode>;
  observations: Observation[];
}

export function detectorCluster(
  api: DetectorApi,
  options: {
    seed: number;
    size?: number;
    network?: Partial<NetworkFaults>;
    detectorFor: () => FailureDetector;
    intervalMs?: number;
  },
): DetectorCluster {
  const observations: Observation[] = [];
  const ids = Array.from({ length: options.size ?? 5 }, (_, i) => String.fromCharCode(97 + i));
  const sim: Simulation<Heartbeat, HeartbeatNode> = new Simulation<Heartbeat, HeartbeatNode>({
    seed: options.seed,
    nodeIds: ids,
    createNode: (ctx) =>
      new api.HeartbeatNode(ctx, {
        intervalMs: options.intervalMs ?? 100,
        checkEveryMs: 10,
        detectorFor: options.detectorFor,
        onChange: (change) =>
          observations.push({ observer: ctx.id, peer: change.peer, suspected: change.suspected, at: sim.now }),
      }),
    ...(options.network ? { network: options.network } : {}),
  });
  return { sim, observations };
}

/** How long each observer took to suspect `crashed` after `crashAt`; Infinity for one that never did. */
export function detectionTimes(cluster: DetectorCluster, crashed: string, crashAt: number): number[] {
  const observers = cluster.sim.liveNodes().map(([id]) => id);
  return observers.map((observer) => {
    const first = cluster.observations.find(
      (o) => o.observer === observer && o.peer === crashed && o.suspected && o.at >= crashAt,
    );
    return first === undefined ? Number.POSITIVE_INFINITY : first.at - crashAt;
  });
}

/** Suspicions of a node while it was alive: before `aliveUntil` for `peer`, or of any peer when peer is undefined. */
export function falseSuspicions(
  cluster: DetectorCluster,
  aliveUntil = Number.POSITIVE_INFINITY,
  peer?: string,
): number {
  return cluster.observations.filter((o) => o.suspected && (peer === undefined || o.peer === peer) && o.at < aliveUntil)
    .length;
}

export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
