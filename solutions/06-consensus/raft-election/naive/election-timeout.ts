/**
 * The naive node: the reference's protocol with near-fixed election timeouts, 150 ms plus at most
 * 10 ms of jitter instead of a draw from [150, 300). Nodes time out within a few milliseconds of
 * each other, about as long as a message takes, so several become candidates in the same term,
 * each votes for itself, and the votes split; then they all time out together again. It is safe
 * (never two leaders in a term) and it does elect in the end, but after rounds of split votes:
 * ~2.4x the reference's election time and ~5x its messages on the bench's 100 seeds. Only this
 * module is replaced; the rest of the reference stands.
 */
import type { RaftTimings } from "../src/timings";

export { validateTimings } from "../src/election-timeout";

const JITTER_MS = 10;

export function electionTimeoutMs(timings: RaftTimings, random: () => number): number {
  return timings.electionTimeoutMinMs + JITTER_MS * random();
}
