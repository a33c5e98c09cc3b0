import http from "node:http";
import type { ClientIdentity, RequestLimiter } from "./types";

/** Reads who is asking: a Bearer token is an API key; otherwise the address (X-Forwarded-For only when trusted). */
export function identify(request: http.IncomingMessage, trustProxy: boolean): ClientIdentity {
  const auth = request.headers.authorization;
  const bearer = auth !== undefined ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
  const forwarded = trustProxy ? request.headers["x-forwarded-for"] : undefined;
  const forwardedFirst = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const address = forwardedFirst || request.socket.remoteAddress || "unknown";
  return bearer !== undefined ? { apiKey: bearer, address } : { address };
}

/**
 * An HTTP server that limits every request before answering it. Allowed: 200 with a small JSON
 * body. Refused: 429 with Retry-After. Both carry the IETF draft headers RateLimit-Limit,
 * RateLimit-Remaining and RateLimit-Reset, so well-behaved clients can pace themselves. It needs
 * only the RequestLimiter interface, so any limiter can stand behind it.
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
    response
      .writeHead(429)
      .end(JSON.stringify({ error: "rate limit exceeded", retryAfterSeconds: decision.retryAfterSeconds }));
  });
}
