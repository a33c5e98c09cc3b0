import { notImplemented } from "#kata";
import type { ReplicaStatus } from "./messages";
// Also yours to use: ReplicationError from "./errors".

/**
 * The follower a failover promotes, from the statuses of the followers still alive: the most
 * up-to-date one, so the failover loses only the writes that no follower had. A log is more up to
 * date when its last entry has the higher epoch, or the same epoch and the higher seq. Equal logs
 * are a tie, settled the same way every time: the lowest id.
 * @throws ReplicationError NO_CANDIDATE when `candidates` is empty.
 */
export function chooseSuccessor(candidates: readonly ReplicaStatus[]): string {
  return notImplemented(`chooseSuccessor(${candidates.length} candidates)`);
}
