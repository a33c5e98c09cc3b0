/**
 * The naive limiter: right answers, at a cost that grows with traffic. Each client keeps a log of
 * its accepted request times and, on every request, filters the log and replays it through a fresh
 * reference state to decide: the "sliding log" shape most first attempts take. The decisions are
 * the reference's by construction; the work per request is O(requests in the window), so a busy
 * client with a generous limit (the bench's 8 keys at 10 million an hour) pays for its whole
 * recent history on every request. Only this module is replaced; the rest of the reference stands.
 */
import type { ClientState } from "../src/client-state";
import { newClientState as referenceState } from "../src/new-client-state";
import type { Decision, RateLimitConfig } from "../src/types";

class TimestampLog implements ClientState {
  private accepted: number[] = [];

  constructor(
    private readonly config: RateLimitConfig,
    private readonly authenticated: boolean,
    private readonly firstSeen: number,
  ) {}

  decide(now: number): Decision {
    if (this.config.algorithm === "sliding-window") {
      // Only the current and previous windows matter; older entries are filtered out.
      const { windowMs } = this.authenticated ? this.config.authenticated : this.config.anonymous;
      const horizon = (Math.floor(now / windowMs) - 1) * windowMs;
      this.accepted = this.accepted.filter((t) => t >= horizon);
    }
    return this.replay().decide(now);
  }

  record(now: number): void {
    this.accepted.push(now);
  }

  idle(now: number): boolean {
    return this.replay().idle(now);
  }

  private replay(): ClientState {
    const state = referenceState(this.config, this.authenticated, this.firstSeen);
    for (const t of this.accepted) state.record(t);
    return state;
  }
}

export function newClientState(config: RateLimitConfig, authenticated: boolean, now: number): ClientState {
  return new TimestampLog(config, authenticated, now);
}
