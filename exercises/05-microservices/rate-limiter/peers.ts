/**
 * What `kata bench rate-limiter` shows the reference beside (given code; context, never scored):
 *   - "no limiter": a bare node:http server answering the same route, and a limiter that allows
 *     everything: the price of limiting, on every request and on every decision;
 *   - rate-limiter-flexible's in-memory limiter, the npm package most Node services use, behind
 *     this exercise's API. It answers with a promise; its server awaits it, as a real one would.
 *     Its bookkeeping is done by the time the promise exists, so on the decisions workload the
 *     adapter times the call and answers "allowed" (the bench's limit is never reached).
 */
import http from "node:http";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type * as LimiterModule from "./src/rate-limiter";
import type { ClientIdentity, Decision, RateLimitConfig, RequestLimiter } from "./src/types";

export type LimiterApi = Pick<typeof LimiterModule, "RateLimiter" | "createRateLimitServer">;

const OK = '{"ok":true}';
const ignore = (): void => undefined;
const keyOf = (request: http.IncomingMessage): string =>
  request.headers.authorization ?? request.socket.remoteAddress ?? "";

function allowed(config: RateLimitConfig): Decision {
  const limit = config.authenticated;
  return {
    allowed: true,
    limit: limit.requests,
    remaining: limit.requests,
    resetSeconds: Math.ceil(limit.windowMs / 1000),
  };
}

class NoLimiter implements RequestLimiter {
  constructor(readonly config: RateLimitConfig) {}

  check(): Decision {
    return allowed(this.config);
  }
}

function bareServer(): http.Server {
  return http.createServer((_request, response) => {
    response.setHeader("Content-Type", "application/json");
    response.writeHead(200).end(OK);
  });
}

class FlexibleLimiter implements RequestLimiter {
  readonly memory: RateLimiterMemory;

  constructor(readonly config: RateLimitConfig) {
    const limit = config.authenticated;
    this.memory = new RateLimiterMemory({ points: limit.requests, duration: Math.ceil(limit.windowMs / 1000) });
  }

  check(client: ClientIdentity): Decision {
    this.memory.consume(client.apiKey ?? client.address).then(ignore, ignore);
    return allowed(this.config);
  }
}

/** A server that awaits rate-limiter-flexible's answer before it replies, 429 on a refusal. */
function flexibleServer(limiter: RequestLimiter): http.Server {
  const memory = (limiter as FlexibleLimiter).memory;
  return http.createServer((request, response) => {
    response.setHeader("Content-Type", "application/json");
    memory.consume(keyOf(request)).then(
      () => response.writeHead(200).end(OK),
      () => response.writeHead(429).end('{"error":"rate limit exceeded"}'),
    );
  });
}

const asApi = (RateLimiter: unknown, createRateLimitServer: (limiter: RequestLimiter) => http.Server): LimiterApi => ({
  RateLimiter: RateLimiter as LimiterApi["RateLimiter"],
  createRateLimitServer,
});

export const noLimiter = asApi(NoLimiter, bareServer);
export const rateLimiterFlexible = asApi(FlexibleLimiter, flexibleServer);
