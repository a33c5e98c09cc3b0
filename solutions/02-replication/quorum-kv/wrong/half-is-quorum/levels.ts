/**
 * The mistake: QUORUM is half of the replicas, rounded up (ceil(N / 2)). With 3 or 5 replicas it
 * is the same as a majority; with 4 it is 2, and two rounds of 2 can miss each other entirely: a
 * read of n1 and n2 does not see a write acknowledged by n3 and n4.
 */
import type { ConsistencyLevel } from "../../src/messages";

export function replicasNeeded(level: ConsistencyLevel, replicas: number): number {
  switch (level) {
    case "ONE":
      return 1;
    case "QUORUM":
      return Math.ceil(replicas / 2);
    case "ALL":
      return replicas;
  }
}
