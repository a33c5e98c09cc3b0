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
    // Seqs are 1, 2, 3, ... with no gap: the entry after appliedSeq is at index appliedSeq.
    const end = Math.min(seq, this.entries.length);
    for (let index = this.appliedSeq; index < end; index++) {
      const entry = this.entries[index] as Entry;
      this.store.set(entry.key, entry.value);
    }
    this.appliedSeq = Math.max(this.appliedSeq, end);
  }

  read(key: string): string | null {
    return this.store.get(key) ?? null;
  }
}
