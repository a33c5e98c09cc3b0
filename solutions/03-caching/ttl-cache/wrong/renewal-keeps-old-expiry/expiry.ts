/**
 * The mistake: an entry that surfaces in the expiry order is taken to stand for its key whenever
 * the key is still cached. After a renewal the key's old entry still surfaces at the old expiry,
 * and the sweep (or a full cache making room) removes the renewed value on a deadline it no
 * longer has.
 */
import type { Entry } from "../../src/expiry";

export { expiresSooner, isExpired, type Entry } from "../../src/expiry";

export function stillCurrent<K, V>(entries: ReadonlyMap<K, Entry<K, V>>, entry: Entry<K, V>): boolean {
  return entries.has(entry.key);
}
