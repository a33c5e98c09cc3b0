/**
 * What the replicas of a leader-follower store say to each other, and the records the store's
 * API speaks. Given code: this is the wire format the tests speak; use it as it is.
 */

/**
 * One write in the replication log. The leader numbers its writes 1, 2, 3, ... (`seq`, the log
 * sequence number) and stamps each with the epoch it led when it took the write. Every replica
 * applies the same entries in the same order, so replicas at the same `seq` hold the same data.
 */
export interface Entry {
  seq: number;
  epoch: number;
  key: string;
  value: string;
}

/**
 * Leader to follower: "here are entries of my log". `entries` are consecutive and ascending (seq
 * n, n+1, ...), possibly none: a new leader announces itself with an empty Append. `leaderSeq` is
 * the last seq in the leader's log when it sent this, so a follower knows how far behind it is.
 */
export interface Append {
  type: "Append";
  epoch: number;
  leaderId: string;
  entries: Entry[];
  leaderSeq: number;
}

/**
 * Follower to leader: "every entry up to `appliedSeq` is applied here, with no gap" (cumulative,
 * like TCP's acknowledgement number), sent in answer to every Append of the follower's epoch.
 */
export interface Ack {
  type: "Ack";
  epoch: number;
  appliedSeq: number;
}

export type ReplicationMessage = Append | Ack;

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function isEntry(value: unknown): value is Entry {
  if (typeof value !== "object" || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    isCount(e.seq) &&
    (e.seq as number) >= 1 &&
    isCount(e.epoch) &&
    typeof e.key === "string" &&
    typeof e.value === "string"
  );
}

function areConsecutive(entries: readonly unknown[]): boolean {
  let previous: Entry | undefined;
  for (const entry of entries) {
    if (!isEntry(entry) || (previous !== undefined && entry.seq !== previous.seq + 1)) return false;
    previous = entry;
  }
  return true;
}

/** True for a well-formed message (consecutive entries included); anything else is to be ignored. */
export function isReplicationMessage(value: unknown): value is ReplicationMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  if (!isCount(m.epoch)) return false;
  switch (m.type) {
    case "Append":
      return (
        typeof m.leaderId === "string" &&
        isCount(m.leaderSeq) &&
        Array.isArray(m.entries) &&
        areConsecutive(m.entries as unknown[])
      );
    case "Ack":
      return isCount(m.appliedSeq);
    default:
      return false;
  }
}

/** Whether a replica takes writes (the leader of its epoch) or copies them (a follower). */
export type Role = "leader" | "follower";

/**
 * What a replica says about itself, as a failover tool (Patroni, orchestrator, RDS) reads it:
 * its role, the epoch it knows and whom it follows in it, and how far its log goes: the seq and
 * epoch of its last entry (0 and 0 for an empty log).
 */
export interface ReplicaStatus {
  id: string;
  role: Role;
  epoch: number;
  leader: string;
  lastSeq: number;
  lastEpoch: number;
}
