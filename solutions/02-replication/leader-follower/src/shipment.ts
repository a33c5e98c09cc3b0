import type { Entry } from "./messages";

/** The entries of `log` after seq `after`: what to send a follower known to hold up to `after`. */
export function entriesAfter(log: readonly Entry[], after: number): Entry[] {
  // Seqs are 1, 2, 3, ... with no gap, so the entry with seq s is at index s - 1.
  return log.slice(after);
}
