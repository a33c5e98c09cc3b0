/** Wrong: a failover promotes the first follower listed (the "designated standby"), however far behind it is. */
import { ReplicationError } from "../../src/errors";
import type { ReplicaStatus } from "../../src/messages";

export function chooseSuccessor(candidates: readonly ReplicaStatus[]): string {
  const [first] = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (first === undefined) throw new ReplicationError("NO_CANDIDATE", "no follower to promote");
  return first.id;
}
