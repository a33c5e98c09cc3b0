import { ReplicationError } from "./errors";
import type { ReplicaStatus } from "./messages";

/**
 * The follower a failover promotes: the most up-to-date one, whose log's last entry is the newest
 * (the higher epoch, then the higher seq), so the failover loses only the writes no follower had.
 * Equal logs are a tie, settled the same way every time: the lowest id.
 */
export function chooseSuccessor(candidates: readonly ReplicaStatus[]): string {
  let best: ReplicaStatus | undefined;
  for (const candidate of candidates) if (best === undefined || newer(candidate, best)) best = candidate;
  if (best === undefined)
    throw new ReplicationError(
      "NO_CANDIDATE",
      "chooseSuccessor needs at least one follower's status to choose from, got none; with no follower left there is no one to promote",
    );
  return best.id;
}

function newer(a: ReplicaStatus, b: ReplicaStatus): boolean {
  if (a.lastEpoch !== b.lastEpoch) return a.lastEpoch > b.lastEpoch;
  if (a.lastSeq !== b.lastSeq) return a.lastSeq > b.lastSeq;
  return a.id < b.id;
}
