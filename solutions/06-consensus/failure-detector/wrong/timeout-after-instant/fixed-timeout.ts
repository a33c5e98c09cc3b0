import { checkTime, positive } from "../../src/checks";
import type { FailureDetector, FixedTimeoutOptions } from "../../src/failure-detector";

/**
 * The detector every system starts with: suspected iff a heartbeat was seen and
 * `now - lastHeartbeat >= timeoutMs`.
 */
export class FixedTimeoutDetector implements FailureDetector {
  private readonly timeoutMs: number;
  private last: number | undefined;

  constructor(options: FixedTimeoutOptions) {
    this.timeoutMs = positive("timeoutMs", options.timeoutMs);
  }

  heartbeat(now: number): void {
    this.last = checkTime(now, this.last, "heartbeat");
  }

  isSuspected(now: number): boolean {
    checkTime(now, this.last, "isSuspected");
    // Wrong: suspected only once the silence is longer than the timeout.
    return this.last !== undefined && now - this.last > this.timeoutMs;
  }
}
