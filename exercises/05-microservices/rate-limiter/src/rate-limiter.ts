import http from "node:http";
import { notImplemented } from "#kata";
import type { ClientIdentity, Decision, RateLimitConfig, RequestLimiter } from "./types";

export { DEFAULT_CONFIG, parseConfig, parseLimit } from "./config";
export type { Algorithm, ClientIdentity, Decision, Limit, RateLimitConfig, RequestLimiter } from "./types";

/**
 * Per-client rate limiting with the configured algorithm (see the README for both, exactly).
 *
 * - A client is its API key when it has a non-empty one (limit: config.authenticated), else its
 *   address (limit: config.anonymous). Keep the two apart: a key must never share state with an
 *   address.
 * - `clock` returns integer milliseconds; tests inject one to step across window edges exactly.
 * - Memory follows active clients: once per (shorter) window, and no more often, check() drops
 *   every client whose state is what a brand-new client would have.
 */
export class RateLimiter implements RequestLimiter {
  /**
   * @param clock the time in integer milliseconds. Keep it in a field and read it in check(),
   *   never Date.now() directly: tests pass a clock they move by hand, exactly onto window edges.
   */
  constructor(
    readonly config: RateLimitConfig,
    clock: () => number = Date.now,
  ) {
    notImplemented("new RateLimiter()");
  }

  /** Decides one request, and counts it if it is allowed. This is the hot path. */
  check(client: ClientIdentity): Decision {
    return notImplemented(`RateLimiter.check(${JSON.stringify(client)})`);
  }

  /** How many clients the limiter holds state for. */
  get trackedClients(): number {
    return notImplemented("RateLimiter.trackedClients");
  }
}

/**
 * Reads who is asking. `Authorization: Bearer <key>` gives an API key. The address is the
 * socket's remote address, or, only when trustProxy is true, the first entry of X-Forwarded-For
 * (anyone can send that header; trusting it without a proxy lets a client pick its own identity).
 */
export function identify(request: http.IncomingMessage, trustProxy: boolean): ClientIdentity {
  return notImplemented(`identify(${request.url}, ${trustProxy})`);
}

/**
 * An http.Server (not yet listening) that checks every request with `limiter` before answering:
 * - allowed: 200, `Content-Type: application/json`, body `{"ok":true}`;
 * - refused: 429, `Retry-After: <retryAfterSeconds>`, body `{"error":"rate limit exceeded","retryAfterSeconds":N}`;
 * - both: `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` headers from the decision.
 */
export function createRateLimitServer(limiter: RequestLimiter): http.Server {
  return notImplemented(`createRateLimitServer(${limiter.constructor.name})`);
}
