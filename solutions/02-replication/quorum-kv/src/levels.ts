import type { ConsistencyLevel } from "./messages";

/**
 * How many of `replicas` copies a round at `level` must hear from: ONE is 1, ALL is every one, and
 * QUORUM is a majority, more than half (2 of 3, 3 of 4, 3 of 5). More than half is what makes any
 * two quorums share a replica; half of an even cluster is not enough (2 and 2 of 4 can be disjoint).
 */
export function replicasNeeded(level: ConsistencyLevel, replicas: number): number {
  switch (level) {
    case "ONE":
      return 1;
    case "QUORUM":
      return Math.floor(replicas / 2) + 1;
    case "ALL":
      return replicas;
  }
}
