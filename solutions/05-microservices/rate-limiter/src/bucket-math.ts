import type { Limit } from "./types";

/**
 * The token bucket's arithmetic, in token-milliseconds (tokens x W): the bucket holds up to
 * limit x W, a request costs W, and each millisecond refills `limit`. Every quantity is then an
 * integer, so a token due at an exact millisecond is there at that millisecond, however often the
 * bucket was refilled on the way (ten refills of 0.1 token make 0.9999999999999999 in floats).
 */
export function capacity({ requests, windowMs }: Limit): number {
  return requests * windowMs;
}

/** The bucket after `elapsedMs` of refill, capped at its capacity. */
export function refilled(tokensTimesW: number, elapsedMs: number, limit: Limit): number {
  return Math.min(capacity(limit), tokensTimesW + elapsedMs * limit.requests);
}

/** Milliseconds of refill until the bucket holds `target` token-ms (possibly fractional). */
export function msUntil(target: number, tokensTimesW: number, limit: Limit): number {
  return Math.max(0, target - tokensTimesW) / limit.requests;
}
