/**
 * The mistake: the refill is computed in tokens, as a float: `tokens + elapsed x limit / W`. Ten
 * refills of 0.1 token make 0.9999999999999999, so a client polling a bucket finds the token due
 * at an exact millisecond missing at that millisecond, and gets it one poll late.
 */
import { capacity } from "../../src/bucket-math";
import type { Limit } from "../../src/types";

export { capacity, msUntil } from "../../src/bucket-math";

export function refilled(tokensTimesW: number, elapsedMs: number, limit: Limit): number {
  const tokens = tokensTimesW / limit.windowMs + (elapsedMs * limit.requests) / limit.windowMs;
  return Math.min(capacity(limit), tokens * limit.windowMs);
}
