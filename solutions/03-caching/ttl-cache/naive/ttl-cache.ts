/**
 * The naive TTL cache: the reference's storage and lazy reads, without its heap's help. `sweep`
 * looks at every entry, and making room in a full cache scans every entry for the one that expires
 * soonest: O(n) each, where the reference pays O(expired x log n) and O(log n).
 */
import { TtlCache as ReferenceTtlCache, type Entry } from "../src/ttl-cache";

export type { TtlCacheOptions } from "../src/ttl-cache";

export class TtlCache<K, V> extends ReferenceTtlCache<K, V> {
  override sweep(): number {
    const now = this.clock();
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
        removed++;
      }
    }
    return removed;
  }

  protected override makeRoom(): void {
    if (this.sweep() > 0) return;
    let soonest: Entry<K, V> | undefined;
    for (const entry of this.entries.values()) {
      if (!soonest || entry.expiresAt < soonest.expiresAt || (entry.expiresAt === soonest.expiresAt && entry.seq < soonest.seq)) soonest = entry;
    }
    if (soonest) this.entries.delete(soonest.key);
  }
}
