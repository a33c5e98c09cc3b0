import type { Decision } from "./global-load-balancer";

/** A scored region with the figure its ties are broken on. */
export interface Candidate {
  readonly decision: Decision;
  readonly latencyMs: number;
}

/** Scores are compared at nine decimal places, so rounding noise in the sum never decides. */
export function roundScore(score: number): number {
  return Math.round(score * 1e9) / 1e9;
}

/**
 * Negative when a ranks before b. Equal scores go to the lower latency, then the smaller id: an
 * order of the regions' own figures, so the same inputs give the same choice in any input order.
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.decision.score !== b.decision.score) return b.decision.score - a.decision.score;
  if (a.latencyMs !== b.latencyMs) return a.latencyMs - b.latencyMs;
  // Ids are unique, so two different candidates are never equal here.
  return a.decision.region < b.decision.region ? -1 : 1;
}
