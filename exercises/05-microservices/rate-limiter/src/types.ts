/** The rate limiter's vocabulary (given code): configuration, identities and decisions. */

export type Algorithm = "sliding-window" | "token-bucket";
export const ALGORITHMS: readonly Algorithm[] = ["sliding-window", "token-bucket"];

/** At most `requests` per `windowMs`. */
export interface Limit {
  requests: number;
  windowMs: number;
}

export interface RateLimitConfig {
  algorithm: Algorithm;
  /** Per API key (a request with `Authorization: Bearer <key>`). */
  authenticated: Limit;
  /** Per client address, for requests without a key. */
  anonymous: Limit;
  /** Take the client address from the first X-Forwarded-For entry (only behind a trusted proxy). */
  trustProxy: boolean;
}

/** A public API gateway's usual limits: 1000 requests an hour with a key, 100 without, sliding window. */
export const DEFAULT_CONFIG: RateLimitConfig = {
  algorithm: "sliding-window",
  authenticated: { requests: 1000, windowMs: 3_600_000 },
  anonymous: { requests: 100, windowMs: 3_600_000 },
  trustProxy: false,
};

/** Who is asking: an API key if the request carried one, else the client's address. */
export interface ClientIdentity {
  apiKey?: string;
  address: string;
}

export interface Decision {
  allowed: boolean;
  /** The limit that applied (requests per window). */
  limit: number;
  /** Requests left now, after this one, rounded down. */
  remaining: number;
  /** Seconds (rounded up) until the current window ends (sliding window) or the bucket is full (token bucket). */
  resetSeconds: number;
  /** On a refusal only: whole seconds (rounded up, at least 1) until a request would be allowed. */
  retryAfterSeconds?: number;
}

/** What the HTTP server needs of a limiter, so any implementation can stand behind it. */
export interface RequestLimiter {
  readonly config: RateLimitConfig;
  check(client: ClientIdentity): Decision;
}
