import { notImplemented } from "#kata";
import type { Limit, RateLimitConfig } from "./types";
// RateLimitConfigError (./errors) is what every invalid input here throws.

export { ALGORITHMS, DEFAULT_CONFIG, type Algorithm, type Limit, type RateLimitConfig } from "./types";

/**
 * "1000/hour" -> { requests: 1000, windowMs: 3_600_000 }. Units: second, minute, hour, day;
 * spaces around the parts are allowed ("100 / minute").
 * @throws RateLimitConfigError INVALID_LIMIT for anything else: "0/hour", "1.5/hour", "10/week",
 *   "hourly", a number instead of a string.
 */
export function parseLimit(text: string): Limit {
  return notImplemented(`parseLimit(${JSON.stringify(text)})`);
}

/**
 * Validates a configuration as it arrives from a file:
 *   { "algorithm": "token-bucket", "authenticated": "1000/hour", "anonymous": "100/hour", "trustProxy": false }
 * A missing field takes DEFAULT_CONFIG's value.
 * @throws RateLimitConfigError INVALID_CONFIG when raw is not an object, has a field not listed
 *   above (a typo must not leave a default silently in force), or trustProxy is not a boolean;
 *   INVALID_ALGORITHM for an unknown algorithm; INVALID_LIMIT for a bad limit.
 */
export function parseConfig(raw: unknown): RateLimitConfig {
  return notImplemented(`parseConfig(${JSON.stringify(raw)})`);
}
