import type { Versioned } from "./messages";
import { compareVersions, newestOf } from "./version";

export interface RepairPlan {
  /** What the read will answer: the newest copy among the replies. */
  newest: Versioned;
  /** Replicas known to hold the newest version already (or a newer one). */
  upToDate: string[];
  /** Replicas to write the newest copy back to before the read may answer. */
  stale: string[];
}

/**
 * Read repair, decided once a read has its replies: answer the newest copy, and write it back to
 * every replier that holds an older one. The read answers only when the newest copy is on as many
 * replicas as the read's level needs (the up-to-date repliers, then each stale one as it
 * acknowledges its repair), so any later read at that level meets at least one of them.
 */
export function planReadRepair(replies: readonly [string, Versioned][]): RepairPlan {
  const newest = newestOf(replies.map(([, copy]) => copy));
  const upToDate: string[] = [];
  const stale: string[] = [];
  for (const [replica, copy] of replies) {
    if (compareVersions(copy.version, newest.version) < 0) stale.push(replica);
    else upToDate.push(replica);
  }
  return { newest, upToDate, stale };
}
