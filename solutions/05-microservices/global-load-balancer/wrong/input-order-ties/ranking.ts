import type { Decision } from "../../src/global-load-balancer";

export interface Candidate {
  readonly decision: Decision;
  readonly latencyMs: number;
}

export function roundScore(score: number): number {
  return Math.round(score * 1e9) / 1e9;
}

/** Wrong: by score only, so a tie goes to whichever region was given first. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return b.decision.score - a.decision.score;
}
