export { DetectorError, type DetectorErrorCode } from "./errors";
export { isHeartbeat, type Heartbeat } from "./messages";
export { FixedTimeoutDetector } from "./fixed-timeout";
export { PhiAccrualDetector, PHI_DEFAULTS } from "./phi-accrual";
export { HeartbeatNode } from "./heartbeat-node";

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
