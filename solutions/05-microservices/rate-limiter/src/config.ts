import { RateLimitConfigError } from "./errors";
import { ALGORITHMS, DEFAULT_CONFIG, type Algorithm, type Limit, type RateLimitConfig } from "./types";

export { ALGORITHMS, DEFAULT_CONFIG, type Algorithm, type Limit, type RateLimitConfig } from "./types";

const UNIT_MS: Record<string, number> = { second: 1_000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** "1000/hour" -> { requests: 1000, windowMs: 3_600_000 }. Units: second, minute, hour, day. */
export function parseLimit(text: string): Limit {
  const match = typeof text === "string" ? /^\s*(\d+)\s*\/\s*(second|minute|hour|day)\s*$/.exec(text) : null;
  const requests = match ? Number(match[1]) : Number.NaN;
  if (!match || !Number.isSafeInteger(requests) || requests < 1) {
    throw new RateLimitConfigError(
      "INVALID_LIMIT",
      `a limit looks like "1000/hour" (a positive whole number of requests per second, minute, hour or day), got ${JSON.stringify(text)}`,
    );
  }
  return { requests, windowMs: UNIT_MS[match[2] as string] as number };
}

/**
 * Validates a configuration as it arrives from a file: `{ algorithm, authenticated: "1000/hour",
 * anonymous: "100/hour", trustProxy? }`. Unknown fields are errors, not ignored: a typo such as
 * "anonymos" would otherwise leave the default silently in force.
 */
export function parseConfig(raw: unknown): RateLimitConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new RateLimitConfigError(
      "INVALID_CONFIG",
      `the configuration must be an object like { "algorithm": "token-bucket", "authenticated": "1000/hour", "anonymous": "100/hour" }, got ${JSON.stringify(raw)}`,
    );
  }
  const fields = raw as Record<string, unknown>;
  const known = ["algorithm", "authenticated", "anonymous", "trustProxy"];
  const unknown = Object.keys(fields).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new RateLimitConfigError(
      "INVALID_CONFIG",
      `unknown field ${unknown.map((k) => JSON.stringify(k)).join(", ")}; the fields are ${known.join(", ")}`,
    );
  }
  const algorithm = fields.algorithm ?? DEFAULT_CONFIG.algorithm;
  if (!ALGORITHMS.includes(algorithm as Algorithm)) {
    throw new RateLimitConfigError(
      "INVALID_ALGORITHM",
      `algorithm must be one of ${ALGORITHMS.join(", ")}, got ${JSON.stringify(algorithm)}`,
    );
  }
  if (fields.trustProxy !== undefined && typeof fields.trustProxy !== "boolean") {
    throw new RateLimitConfigError(
      "INVALID_CONFIG",
      `trustProxy must be true or false, got ${JSON.stringify(fields.trustProxy)}`,
    );
  }
  const limit = (name: "authenticated" | "anonymous"): Limit => {
    const value = fields[name];
    if (value === undefined) return DEFAULT_CONFIG[name];
    if (typeof value !== "string")
      throw new RateLimitConfigError(
        "INVALID_LIMIT",
        `${name} must be a string like "1000/hour", got ${JSON.stringify(value)}`,
      );
    return parseLimit(value);
  };
  return {
    algorithm: algorithm as Algorithm,
    authenticated: limit("authenticated"),
    anonymous: limit("anonymous"),
    trustProxy: fields.trustProxy === true,
  };
}
