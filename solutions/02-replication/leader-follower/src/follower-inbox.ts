import type { Entry } from "./messages";
import type { ReplicaLog } from "./replica-log";

/**
 * A follower's side of the log: entries arrive late, twice and out of order, and each must be
 * applied exactly once, in seq order. An entry at or below the log's end is a duplicate and is
 * dropped; the next one is applied, and so is every waiting entry it makes consecutive; one
 * further ahead waits for the gap to fill. What waits came from one leader: a new epoch clears it.
 */
export class FollowerInbox {
  private readonly waiting = new Map<number, Entry>();

  receive(log: ReplicaLog, entry: Entry): void {
    if (entry.seq <= log.lastSeq) return;
    if (entry.seq > log.lastSeq + 1) {
      this.waiting.set(entry.seq, entry);
      return;
    }
    log.append(entry);
    for (let next = this.waiting.get(log.lastSeq + 1); next !== undefined; next = this.waiting.get(log.lastSeq + 1)) {
      this.waiting.delete(next.seq);
      log.append(next);
    }
    log.applyUpTo(log.lastSeq);
  }

  /** What an Ack reports: the end of the consecutive, applied log, never an entry past a gap. */
  ackPosition(log: ReplicaLog): number {
    return log.lastSeq;
  }

  /** Forgets the entries waiting for a gap: a new leader numbers its own writes from its own log's end. */
  clear(): void {
    this.waiting.clear();
  }
}
