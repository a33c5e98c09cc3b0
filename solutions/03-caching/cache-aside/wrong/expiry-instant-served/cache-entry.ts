/**
 * Wrong design: an entry is still served at exactly its expiry instant (`now <= expiresAt`). A
 * value loaded at t with a TTL of d answers one more read at t + d, and so does a cached "not
 * found" or error: off by one instant, which uniform random clocks almost never land on.
 */
import type { Cached } from "../../src/cache-entry";

export { replay, type Cached } from "../../src/cache-entry";

export function isFresh(entry: Cached<unknown>, now: number): boolean {
  return now <= entry.expiresAt;
}
