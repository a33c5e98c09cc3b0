/**
 * The mistake: every request is counted, refused ones too (the count is taken before, or
 * regardless of, the decision). A client that keeps retrying while refused keeps its own counter
 * above the limit and is locked out for as long as it retries.
 */
import type { ClientState } from "../../src/client-state";
import { newClientState as referenceState } from "../../src/new-client-state";
import type { RateLimitConfig } from "../../src/types";

export function newClientState(config: RateLimitConfig, authenticated: boolean, now: number): ClientState {
  const state = referenceState(config, authenticated, now);
  return {
    decide: (at) => {
      const decision = state.decide(at);
      if (!decision.allowed) state.record(at);
      return decision;
    },
    record: (at) => state.record(at),
    idle: (at) => state.idle(at),
  };
}
