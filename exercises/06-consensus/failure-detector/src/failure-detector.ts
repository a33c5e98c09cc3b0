import { notImplemented } from "#kata";
import type { NodeContext, SimNode } from "#kata/sim";
import { DetectorError } from "./errors";
import type { Heartbeat } from "./messages";
// DetectorError is what the finished detectors throw (see each method); isHeartbeat in ./messages
// tells a heartbeat from anything else on the wire.

export { DetectorError, type DetectorErrorCode } from "./errors";
export { isHeartbeat, type Heartbeat } from "./messages";

/**
 * Watches one remote node through the heartbeats that arrive from it. Times are milliseconds on
 * the watching node's own monotonic clock; they never go back. Before its first heartbeat a node
 * is not suspected: there is nothing to judge it by.
 */
export interface FailureDetector {
  /** A heartbeat from the node arrived at `now`. */
  heartbeat(now: number): void;
  /** Whether the node is suspected of having crashed at `now`. */
  isSuspected(now: number): boolean;
}

export interface FixedTimeoutOptions {
  /** Suspect the node once this long has passed since its last heartbeat, ms. Finite, > 0. */
  timeoutMs: number;
}

/**
 * The detector every system starts with: suspected iff a heartbeat was seen and
 * `now - lastHeartbeat >= timeoutMs`.
 */
export class FixedTimeoutDetector implements FailureDetector {
  /** @throws DetectorError INVALID_OPTION for a timeoutMs that is not a finite number > 0. */
  constructor(options: FixedTimeoutOptions) {
    notImplemented("new FixedTimeoutDetector()");
  }

  /** @throws DetectorError INVALID_TIME; TIME_WENT_BACKWARDS for a time before the last heartbeat. */
  heartbeat(now: number): void {
    notImplemented("FixedTimeoutDetector.heartbeat");
  }

  /** @throws DetectorError INVALID_TIME; TIME_WENT_BACKWARDS for a time before the last heartbeat. */
  isSuspected(now: number): boolean {
    return notImplemented("FixedTimeoutDetector.isSuspected");
  }
}

export interface PhiAccrualOptions {
  /** Suspect the node once phi reaches this. Finite, > 0; default 8 (Akka's default; Cassandra uses 8 too). */
  threshold?: number;
  /** How many of the latest intervals between heartbeats the estimate uses. Integer >= 1, default 1000. */
  maxSamples?: number;
  /**
   * The least standard deviation the estimate assumes, ms: a very regular sender must not make phi
   * explode. > 0, default 100.
   */
  minStdDevMs?: number;
  /** Added to the mean interval: a pause this long is normal (a GC, a busy moment), ms. >= 0, default 0. */
  acceptablePauseMs?: number;
  /** The interval assumed before any was measured, ms. > 0, default 1000. */
  firstHeartbeatEstimateMs?: number;
}

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
  /** @throws DetectorError INVALID_OPTION for an option out of range (the message names it). */
  constructor(options: PhiAccrualOptions = {}) {
    notImplemented("new PhiAccrualDetector()");
  }

  /**
   * Adds the interval since the last heartbeat (none for the first). Called for every heartbeat:
   * keep it O(1), whatever maxSamples is.
   * @throws DetectorError INVALID_TIME; TIME_WENT_BACKWARDS for a time before the last heartbeat.
   */
  heartbeat(now: number): void {
    notImplemented("PhiAccrualDetector.heartbeat");
  }

  /**
   * The suspicion level at `now`, per the estimate above. Called far more often than heartbeat():
   * keep it O(1), whatever maxSamples is.
   * @throws DetectorError INVALID_TIME; TIME_WENT_BACKWARDS for a time before the last heartbeat.
   */
  phi(now: number): number {
    return notImplemented("PhiAccrualDetector.phi");
  }

  isSuspected(now: number): boolean {
    return notImplemented("PhiAccrualDetector.isSuspected");
  }
}

/** A change of mind about a peer, as HeartbeatNode reports it. */
export interface SuspicionChange {
  peer: string;
  /** true: now suspected; false: trusted again (a heartbeat came after all). */
  suspected: boolean;
  /** The node's clock when it noticed. */
  at: number;
}

export interface HeartbeatNodeOptions {
  /** How often this node sends a heartbeat to every peer, ms. Default 100. */
  intervalMs?: number;
  /** How often this node asks its detectors about every peer, ms. Default 10. */
  checkEveryMs?: number;
  /** Makes the detector that watches one peer (called once per peer). */
  detectorFor: (peer: string) => FailureDetector;
  /** Told of every change of mind, once, in the order they happen. */
  onChange?: (change: SuspicionChange) => void;
}

/**
 * One node of a cluster in which everyone watches everyone (all-to-all heartbeating, as in a small
 * Akka or Cassandra cluster), on the simulated network (docs/simulator.md).
 *
 * - At start it takes its incarnation: one more than the one in stable storage (1 the first time),
 *   stored back at once (`ctx.storage`, which survives a crash). At start and every intervalMs
 *   after, it sends `{ type: "heartbeat", incarnation, seq }` to every peer, seq counting 1, 2,
 *   3... within the incarnation.
 * - A heartbeat from a peer goes to that peer's detector at the node's clock if it is newer than
 *   every heartbeat seen from that peer: a higher incarnation, or the same incarnation and a
 *   higher seq. The network duplicates and reorders messages, and a late or repeated heartbeat
 *   says nothing new about now; a restarted peer counts seq from 1 again, in a new incarnation.
 * - Every checkEveryMs it asks each peer's detector, and reports each change of mind to onChange.
 * - Anything that is not a heartbeat is ignored.
 */
export class HeartbeatNode implements SimNode<Heartbeat> {
  /** @throws DetectorError INVALID_OPTION for an intervalMs or checkEveryMs that is not a finite number > 0. */
  constructor(ctx: NodeContext<Heartbeat>, options: HeartbeatNodeOptions) {
    notImplemented("new HeartbeatNode()");
  }

  onMessage(from: string, message: Heartbeat): void {
    notImplemented("HeartbeatNode.onMessage");
  }

  /** The peers suspected now, in the order of ctx.peers. */
  suspects(): string[] {
    return notImplemented("HeartbeatNode.suspects");
  }
}
