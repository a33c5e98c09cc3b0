import http from "node:http";
import type { ClientIdentity, Decision, Limit, RateLimitConfig, RequestLimiter } from "./types";

export { SEED_E_CONFIG, parseConfig, parseLimit } from "./config";
export type { Algorithm, ClientIdentity, Decision, Limit, RateLimitConfig, RequestLimiter } from "./types";

/**
 * One client's state under one algorithm. Both keep exact integer arithmetic by counting in
 * "request-milliseconds": with integer millisecond clocks nothing is ever rounded, so a decision at
 * a window's edge does not depend on floating-point luck.
 */
export interface ClientState {
  decide(now: number): Decision;
  /** True when the state is what a new client would have: it can be forgotten. */
  idle(now: number): boolean;
}

/**
 * Sliding-window counter (as Cloudflare's): fixed windows [k*W, (k+1)*W) aligned to the clock's
 * zero, a count for the current and the previous one, and the estimate
 *   previous * (W - elapsed) / W + current
 * of requests in the last W ms. A request is allowed when estimate + 1 <= limit. Two integers per
 * client instead of a log of timestamps.
 */
class SlidingWindowState implements ClientState {
  private window = Number.NEGATIVE_INFINITY;
  private previous = 0;
  private current = 0;

  constructor(private readonly limit: Limit) {}

  decide(now: number): Decision {
    const { requests, windowMs: w } = this.limit;
    this.advance(now);
    const elapsed = now - this.window * w;
    // All in request-milliseconds: estimate * W = previous * (W - elapsed) + current * W.
    const estimateTimesW = this.previous * (w - elapsed) + this.current * w;
    const allowed = estimateTimesW + w <= requests * w;
    if (allowed) this.current += 1;
    const afterTimesW = estimateTimesW + (allowed ? w : 0);
    const decision: Decision = {
      allowed,
      limit: requests,
      remaining: Math.max(0, Math.floor((requests * w - afterTimesW) / w)),
      resetSeconds: Math.ceil((w - elapsed) / 1000),
    };
    if (!allowed) decision.retryAfterSeconds = Math.max(1, Math.ceil(this.waitMs(elapsed) / 1000));
    return decision;
  }

  idle(now: number): boolean {
    return Math.floor(now / this.limit.windowMs) >= this.window + 2;
  }

  private advance(now: number): void {
    const window = Math.floor(now / this.limit.windowMs);
    if (window === this.window) return;
    this.previous = window === this.window + 1 ? this.current : 0;
    this.current = 0;
    this.window = window;
  }

  /** Shortest wait, with no further requests, until estimate + 1 <= limit. */
  private waitMs(elapsed: number): number {
    const { requests, windowMs: w } = this.limit;
    const spare = requests - 1 - this.current; // room left once previous has decayed enough
    if (spare >= 0 && this.previous > 0) {
      // previous * (W - e) <= spare * W  <=>  e >= W - spare * W / previous; ceil(W - x) = W - floor(x)
      const at = w - Math.floor((spare * w) / this.previous);
      if (at < w) return at - elapsed;
    }
    // Not in this window: in the next, `current` becomes `previous` and must decay below limit - 1.
    const atNext = this.current > requests - 1 ? w - Math.floor(((requests - 1) * w) / this.current) : 0;
    return w - elapsed + atNext;
  }
}

/**
 * Token bucket: holds up to `limit` tokens, refilled continuously at limit/W per ms; a request
 * takes one. Bursts up to the limit, then a steady rate. Kept as tokens * W to stay in integers.
 */
class TokenBucketState implements ClientState {
  private tokensTimesW: number;
  private last: number;

  constructor(
    private readonly limit: Limit,
    now: number,
  ) {
    this.tokensTimesW = limit.requests * limit.windowMs;
    this.last = now;
  }

  decide(now: number): Decision {
    const { requests, windowMs: w } = this.limit;
    this.refill(now);
    const allowed = this.tokensTimesW >= w;
    if (allowed) this.tokensTimesW -= w;
    const decision: Decision = {
      allowed,
      limit: requests,
      remaining: Math.floor(this.tokensTimesW / w),
      resetSeconds: Math.ceil((requests * w - this.tokensTimesW) / (requests * 1000)),
    };
    // One token is W token-ms, and refill brings `requests` token-ms per ms.
    if (!allowed) decision.retryAfterSeconds = Math.max(1, Math.ceil((w - this.tokensTimesW) / (requests * 1000)));
    return decision;
  }

  idle(now: number): boolean {
    this.refill(now);
    return this.tokensTimesW === this.limit.requests * this.limit.windowMs;
  }

  private refill(now: number): void {
    const capacity = this.limit.requests * this.limit.windowMs;
    this.tokensTimesW = Math.min(capacity, this.tokensTimesW + (now - this.last) * this.limit.requests);
    this.last = now;
  }
}

/** The state a new client starts with, under the configured algorithm and its kind's limit. */
export function newClientState(config: RateLimitConfig, authenticated: boolean, now: number): ClientState {
  const limit = authenticated ? config.authenticated : config.anonymous;
  return config.algorithm === "token-bucket" ? new TokenBucketState(limit, now) : new SlidingWindowState(limit);
}

/** `key:<api key>` or `ip:<address>`, so that a key can never collide with an address. */
export function clientKey(client: ClientIdentity): { key: string; authenticated: boolean } {
  const authenticated = client.apiKey !== undefined && client.apiKey !== "";
  return { key: authenticated ? `key:${client.apiKey}` : `ip:${client.address}`, authenticated };
}

/**
 * Per-client rate limiting with the configured algorithm. Clients are keyed `key:<api key>` or
 * `ip:<address>` (so a key can never collide with an address), each with the limit of its kind.
 * Idle clients are forgotten: at most once per the shorter window, a sweep drops every client
 * whose state a new client would have, so memory follows active clients, not all clients ever seen.
 */
export class RateLimiter implements RequestLimiter {
  private readonly clients = new Map<string, ClientState>();
  private readonly sweepEveryMs: number;
  private lastSweep: number;

  constructor(
    readonly config: RateLimitConfig,
    private readonly clock: () => number = Date.now,
  ) {
    this.sweepEveryMs = Math.min(config.authenticated.windowMs, config.anonymous.windowMs);
    this.lastSweep = clock();
  }

  check(client: ClientIdentity): Decision {
    const now = this.clock();
    if (now - this.lastSweep >= this.sweepEveryMs) this.sweep(now);
    const { key, authenticated } = clientKey(client);
    let state = this.clients.get(key);
    if (state === undefined) {
      state = this.newState(authenticated, now);
      this.clients.set(key, state);
    }
    return state.decide(now);
  }

  /** The state a client starts with; naive.ts swaps in another kind. */
  protected newState(authenticated: boolean, now: number): ClientState {
    return newClientState(this.config, authenticated, now);
  }

  /** How many clients the limiter holds state for. */
  get trackedClients(): number {
    return this.clients.size;
  }

  private sweep(now: number): void {
    for (const [key, state] of this.clients) if (state.idle(now)) this.clients.delete(key);
    this.lastSweep = now;
  }
}

/** Reads who is asking: a Bearer token is an API key; otherwise the address (X-Forwarded-For only when trusted). */
export function identify(request: http.IncomingMessage, trustProxy: boolean): ClientIdentity {
  const auth = request.headers.authorization;
  const bearer = auth !== undefined ? /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] : undefined;
  const forwarded = trustProxy ? request.headers["x-forwarded-for"] : undefined;
  const forwardedFirst = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const address = forwardedFirst || request.socket.remoteAddress || "unknown";
  return bearer !== undefined ? { apiKey: bearer, address } : { address };
}

/**
 * An HTTP server that limits every request before answering it. Allowed: 200 with a small JSON
 * body. Refused: 429 with Retry-After. Both carry the IETF draft headers RateLimit-Limit,
 * RateLimit-Remaining and RateLimit-Reset, so well-behaved clients can pace themselves.
 */
export function createRateLimitServer(limiter: RequestLimiter): http.Server {
  return http.createServer((request, response) => {
    const decision = limiter.check(identify(request, limiter.config.trustProxy));
    response.setHeader("RateLimit-Limit", decision.limit);
    response.setHeader("RateLimit-Remaining", decision.remaining);
    response.setHeader("RateLimit-Reset", decision.resetSeconds);
    response.setHeader("Content-Type", "application/json");
    if (decision.allowed) {
      response.writeHead(200).end('{"ok":true}');
      return;
    }
    response.setHeader("Retry-After", decision.retryAfterSeconds ?? 1);
    response.writeHead(429).end(JSON.stringify({ error: "rate limit exceeded", retryAfterSeconds: decision.retryAfterSeconds }));
  });
}
