import type { Decision } from "./types";

/**
 * One client's state under one algorithm. Deciding and counting are two steps: `decide` says what
 * a request now would get, `record` counts one that was let through. The limiter records only
 * what it allows, so a refused request never uses quota; and a request that several limits apply
 * to (per key and per route, say) can be decided by all of them before any of them counts it.
 */
export interface ClientState {
  /** The decision for a request at `now`, its figures as if it were then recorded when allowed. */
  decide(now: number): Decision;
  /** Counts an allowed request at `now`. */
  record(now: number): void;
  /** True when the state is what a new client would have: it can be forgotten. */
  idle(now: number): boolean;
}

/** Whole seconds, rounded up, at least 1: how Retry-After is given. Never early. */
export function wholeSecondsUp(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
