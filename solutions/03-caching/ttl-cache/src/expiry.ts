/**
 * The rules of expiry, in one place, so that reads, sweeps and eviction can never disagree by a
 * millisecond or about a tie.
 */

/** A cached value and when it stops being served. An entry object is never changed: renewing a key stores a new one. */
export interface Entry<K, V> {
  key: K;
  value: V;
  /** The first instant (ms) at which the entry is gone. */
  expiresAt: number;
  /** Order of setting: among entries that expire at the same instant, the first set goes first. */
  seq: number;
}

/** Expired means `now >= expiresAt`: at its expiry instant an entry is already gone. */
export function isExpired(entry: Entry<unknown, unknown>, now: number): boolean {
  return entry.expiresAt <= now;
}

/** Which of two entries leaves first: the one that expires sooner, and on a tie the one set first. */
export function expiresSooner(a: Entry<unknown, unknown>, b: Entry<unknown, unknown>): boolean {
  return a.expiresAt < b.expiresAt || (a.expiresAt === b.expiresAt && a.seq < b.seq);
}

/**
 * Whether an entry found in the expiry order still stands for its key. Renewing or deleting a key
 * leaves its old entry in the order; that entry must no longer act (expire, be evicted, be
 * counted), so the test is identity with the key's current entry, not the key's presence.
 */
export function stillCurrent<K, V>(entries: ReadonlyMap<K, Entry<K, V>>, entry: Entry<K, V>): boolean {
  return entries.get(entry.key) === entry;
}
