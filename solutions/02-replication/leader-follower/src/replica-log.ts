import type { Entry } from "./messages";

/**
 * One replica's copy of the replication log, and the data it gives: `entries` hold seq 1, 2, ...
 * with no gap, and `store` is what applying them in order up to `appliedSeq` gives. A follower
 * applies each entry as it appends it; the leader appends at once and applies only once enough
 * followers hold an entry (its commit point), so no read at the leader shows a write a failover
 * could lose.
 */
export class ReplicaLog {
  readonly entries: Entry[] = [];
  readonly store = new Map<string, string>();
  appliedSeq = 0;

  get lastSeq(): number {
    return this.entries.length === 0 ? 0 : (this.entries[this.entries.length - 1] as Entry).seq;
  }

  /** The epoch of the last entry (0 for an empty log): with lastSeq, how up to date this copy is. */
  get lastEpoch(): number {
    return this.entries.length === 0 ? 0 : (this.entries[this.entries.length - 1] as Entry).epoch;
  }

  /** Adds the next entry (seq lastSeq + 1); it is not readable until applyUpTo reaches it. */
  append(entry: Entry): void {
    this.entries.push(entry);
  }

  /** Applies the entries after appliedSeq, in order, up to `seq`. */
  applyUpTo(seq: number): void {
    for (const entry of this.entries) {
      if (entry.seq > seq) break;
      if (entry.seq <= this.appliedSeq) continue;
      this.store.set(entry.key, entry.value);
      this.appliedSeq = entry.seq;
    }
  }

  read(key: string): string | null {
    return this.store.get(key) ?? null;
  }
}
