/**
 * The mistake: entries are ordered by expiry time only. A binary heap is not stable, so among
 * entries that expire at the same instant the one evicted from a full cache is whichever the heap
 * happens to surface, not the one set first.
 */
import type { Entry } from "../../src/expiry";

export { isExpired, stillCurrent, type Entry } from "../../src/expiry";

export function expiresSooner(a: Entry<unknown, unknown>, b: Entry<unknown, unknown>): boolean {
  return a.expiresAt < b.expiresAt;
}
