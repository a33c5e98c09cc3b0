import { checkTime, nonNegative, positive, positiveInteger } from "../../src/checks";
import type { FailureDetector, PhiAccrualOptions } from "../../src/failure-detector";
import { IntervalWindow } from "../../src/interval-window";
import { phiOf } from "../../src/phi";

export const PHI_DEFAULTS = {
  threshold: 8,
  maxSamples: 1000,
  minStdDevMs: 100,
  acceptablePauseMs: 0,
  firstHeartbeatEstimateMs: 1000,
} as const;

/**
 * The phi accrual failure detector (Hayashibara, Defago, Yared and Katayama, 2004), as Akka and
 * Cassandra use it. Instead of a yes/no after a fixed timeout, it says how sure it is that the node
 * crashed, learning from the intervals between the heartbeats it received: phi = 1 means a 10%
 * chance that a live node would have been this late, phi = 2 a 1% chance, phi = 8 one in 10^8.
 *
 * The estimate (exactly, so every correct implementation gives the same numbers):
 * - The first heartbeat only starts the clock. The sample starts with two made-up intervals,
 *   `first - first/4` and `first + first/4` (first = firstHeartbeatEstimateMs): mean `first`, so
 *   the detector works from the second heartbeat on. Each later heartbeat adds the interval since
 *   the one before, unless the node was suspected at that heartbeat's time (phi >= threshold just
 *   before it): the first heartbeat after an outage measures the outage, not the network, and would
 *   teach the detector that minute-long silences are normal. Only the latest `maxSamples`
 *   intervals count (the made-up ones leave first).
 * - phi(now) = 0 before the first heartbeat. Otherwise, with t = now - lastHeartbeat,
 *   m = mean of the intervals + acceptablePauseMs, s = max(standard deviation, minStdDevMs)
 *   (population standard deviation: divide by the count, not count - 1), y = (t - m) / s and
 *   e = exp(-y * (1.5976 + 0.070566 * y^2)) (a logistic approximation of the normal distribution):
 *   phi = -log10(e / (1 + e)) when t > m, and -log10(1 - 1 / (1 + e)) otherwise.
 * - Suspected iff phi(now) >= threshold.
 */
export class PhiAccrualDetector implements FailureDetector {
  private readonly threshold: number;
  private readonly minStdDevMs: number;
  private readonly acceptablePauseMs: number;
  private readonly firstEstimateMs: number;
  private readonly intervals: IntervalWindow;
  private last: number | undefined;

  constructor(options: PhiAccrualOptions = {}) {
    this.threshold = positive("threshold", options.threshold, PHI_DEFAULTS.threshold);
    this.minStdDevMs = positive("minStdDevMs", options.minStdDevMs, PHI_DEFAULTS.minStdDevMs);
    this.acceptablePauseMs = nonNegative(
      "acceptablePauseMs",
      options.acceptablePauseMs,
      PHI_DEFAULTS.acceptablePauseMs,
    );
    this.firstEstimateMs = positive(
      "firstHeartbeatEstimateMs",
      options.firstHeartbeatEstimateMs,
      PHI_DEFAULTS.firstHeartbeatEstimateMs,
    );
    this.intervals = new IntervalWindow(positiveInteger("maxSamples", options.maxSamples, PHI_DEFAULTS.maxSamples));
  }

  heartbeat(now: number): void {
    checkTime(now, this.last, "heartbeat");
    // Wrong: the first heartbeat adds nothing; the sample starts empty.
    if (this.last === undefined) {
      // nothing to measure yet
    } else if (this.phiAt(now) < this.threshold) {
      // An interval that ends an outage measures the outage: it is not a sample of the network.
      this.intervals.add(now - this.last);
    }
    this.last = now;
  }

  phi(now: number): number {
    checkTime(now, this.last, "phi");
    return this.phiAt(now);
  }

  isSuspected(now: number): boolean {
    checkTime(now, this.last, "isSuspected");
    return this.phiAt(now) >= this.threshold;
  }

  private phiAt(now: number): number {
    if (this.last === undefined) return 0;
    const stdDev = Math.max(Math.sqrt(this.intervals.variance), this.minStdDevMs);
    return phiOf(now - this.last, this.intervals.mean + this.acceptablePauseMs, stdDev);
  }
}
