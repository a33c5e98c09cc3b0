/**
 * The naive expiry order: none at all. Every question is answered by a scan of the cache's
 * entries, so a sweep costs O(n) however few entries expired, and making room in a full cache
 * costs O(n) to find the one that expires soonest, where the reference's heap pays O(expired x
 * log n) and O(log n). A session store full at 20,000 entries scans all of them for each new
 * session; a cache of 50,000 live entries swept after every write scans all of them each time.
 */
import { expiresSooner, isExpired, type Entry } from "../src/expiry";

export class ExpiryQueue<K, V> {
  constructor(private readonly entries: ReadonlyMap<K, Entry<K, V>>) {}

  added(): void {
    // Nothing to record: the entries themselves are scanned when asked.
  }

  takeExpired(now: number): Entry<K, V>[] {
    const expired: Entry<K, V>[] = [];
    for (const entry of this.entries.values()) if (isExpired(entry, now)) expired.push(entry);
    return expired;
  }

  takeSoonest(): Entry<K, V> | undefined {
    let soonest: Entry<K, V> | undefined;
    for (const entry of this.entries.values())
      if (soonest === undefined || expiresSooner(entry, soonest)) soonest = entry;
    return soonest;
  }
}
