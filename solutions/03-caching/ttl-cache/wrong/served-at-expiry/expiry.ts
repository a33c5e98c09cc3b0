/**
 * The mistake: expired means `now > expiresAt`, so an entry is still served at exactly its expiry
 * instant: one millisecond longer than its TTL, and a TTL of 1 ms serves for 2.
 */
import type { Entry } from "../../src/expiry";

export { expiresSooner, stillCurrent, type Entry } from "../../src/expiry";

export function isExpired(entry: Entry<unknown, unknown>, now: number): boolean {
  return entry.expiresAt < now;
}
