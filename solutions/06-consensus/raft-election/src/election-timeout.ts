import { RaftConfigError } from "./errors";
import type { RaftTimings } from "./timings";

/**
 * How long a server waits for a leader before standing for election, and the settings' rules.
 *
 * The timeout is drawn afresh, uniformly from [min, max), every time the election timer is set.
 * That spread is what makes elections converge: with message delays of a few ms, a 150 ms spread
 * makes it likely that one server times out, gathers its votes and sends heartbeats (about three
 * message delays) before any other wakes up. Drawn from ctx.random(), so a run depends on its seed.
 */
export function electionTimeoutMs(timings: RaftTimings, random: () => number): number {
  const { electionTimeoutMinMs: min, electionTimeoutMaxMs: max } = timings;
  return min + (max - min) * random();
}

export function validateTimings(timings: RaftTimings): RaftTimings {
  const { electionTimeoutMinMs: min, electionTimeoutMaxMs: max, heartbeatIntervalMs: beat } = timings;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min > 0) || !(max > min)) {
    throw new RaftConfigError(
      "INVALID_TIMEOUT",
      `election timeouts need 0 < min < max, got min ${min} ms and max ${max} ms; the range must be wide (150-300 ms is typical) or votes split`,
    );
  }
  if (!Number.isFinite(beat) || !(beat > 0) || !(beat < min)) {
    throw new RaftConfigError(
      "INVALID_HEARTBEAT",
      `the heartbeat interval must be positive and below the minimum election timeout (${min} ms), got ${beat} ms; followers would time out between heartbeats`,
    );
  }
  return timings;
}
