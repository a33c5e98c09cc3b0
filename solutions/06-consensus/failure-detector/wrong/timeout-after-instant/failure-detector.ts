import type { NodeContext, SimNode } from "#kata/sim";
import { checkTime, nonNegative, positive, positiveInteger } from "../../src/checks";
import { IntervalWindow } from "../../src/interval-window";
import { isHeartbeat, type Heartbeat } from "../../src/messages";
import { phiOf } from "../../src/phi";

export { DetectorError, type DetectorErrorCode } from "../../src/errors";
export { isHeartbeat, type Heartbeat } from "../../src/messages";

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
    if (this.last === undefined) {
      const spread = this.firstEstimateMs / 4;
      this.intervals.add(this.firstEstimateMs - spread);
      this.intervals.add(this.firstEstimateMs + spread);
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
const INCARNATION = "incarnation";

/** A later incarnation, or the same one and a later heartbeat in it. */
function isNewer(heartbeat: Heartbeat, than: { incarnation: number; seq: number }): boolean {
  return (
    heartbeat.incarnation > than.incarnation || (heartbeat.incarnation === than.incarnation && heartbeat.seq > than.seq)
  );
}

export class HeartbeatNode implements SimNode<Heartbeat> {
  private readonly detectors = new Map<string, FailureDetector>();
  /** Per peer, the newest heartbeat seen: (incarnation, seq). */
  private readonly newest = new Map<string, { incarnation: number; seq: number }>();
  private readonly suspected = new Set<string>();
  private readonly onChange: (change: SuspicionChange) => void;
  private seq = 0;
  private readonly incarnation: number;

  constructor(
    private readonly ctx: NodeContext<Heartbeat>,
    options: HeartbeatNodeOptions,
  ) {
    const intervalMs = positive("intervalMs", options.intervalMs, 100);
    const checkEveryMs = positive("checkEveryMs", options.checkEveryMs, 10);
    for (const peer of ctx.peers) this.detectors.set(peer, options.detectorFor(peer));
    this.onChange = options.onChange ?? (() => undefined);
    this.incarnation = (ctx.storage.get<number>(INCARNATION) ?? 0) + 1;
    ctx.storage.set(INCARNATION, this.incarnation);
    const beat = (): void => {
      this.seq++;
      for (const peer of ctx.peers) ctx.send(peer, { type: "heartbeat", incarnation: this.incarnation, seq: this.seq });
      ctx.setTimer(intervalMs, beat);
    };
    const check = (): void => {
      this.check();
      ctx.setTimer(checkEveryMs, check);
    };
    beat();
    ctx.setTimer(checkEveryMs, check);
  }

  onMessage(from: string, message: Heartbeat): void {
    const detector = this.detectors.get(from);
    if (detector === undefined || !isHeartbeat(message)) return;
    // A duplicate or a heartbeat overtaken by a later one says nothing new about now.
    const newest = this.newest.get(from);
    if (newest !== undefined && !isNewer(message, newest)) return;
    this.newest.set(from, { incarnation: message.incarnation, seq: message.seq });
    detector.heartbeat(this.ctx.now());
  }

  suspects(): string[] {
    return this.ctx.peers.filter((peer) => this.suspected.has(peer));
  }

  private check(): void {
    const now = this.ctx.now();
    for (const [peer, detector] of this.detectors) {
      const suspected = detector.isSuspected(now);
      if (suspected === this.suspected.has(peer)) continue;
      if (suspected) this.suspected.add(peer);
      else this.suspected.delete(peer);
      this.onChange({ peer, suspected, at: now });
    }
  }
}
