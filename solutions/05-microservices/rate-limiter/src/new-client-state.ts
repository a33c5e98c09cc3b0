import type { ClientState } from "./client-state";
import { SlidingWindowState } from "./sliding-window";
import { TokenBucketState } from "./token-bucket";
import type { RateLimitConfig } from "./types";

/** The state a new client starts with, under the configured algorithm and its kind's limit. */
export function newClientState(config: RateLimitConfig, authenticated: boolean, now: number): ClientState {
  const limit = authenticated ? config.authenticated : config.anonymous;
  return config.algorithm === "token-bucket" ? new TokenBucketState(limit, now) : new SlidingWindowState(limit);
}
