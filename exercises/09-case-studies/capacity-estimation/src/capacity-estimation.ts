import { notImplemented } from "#kata";
import { CapacityError } from "./errors";
import { DataRate, DataSize, Duration } from "./units";
// CapacityError is what every function below throws for bad input; the quantities come from ./units.

export { DataRate, DataSize, Duration, type DurationUnit, type RateUnit, type SizeUnit } from "./units";

/*
 * A back-of-the-envelope capacity calculator: users and actions to requests per second, storage,
 * bandwidth, cache and servers. Every figure that has a unit is a DataSize, a DataRate or a
 * Duration (./units); bare numbers are counts and rates of events. Nothing is rounded except the
 * server count: the caller rounds for display (toString does).
 *
 * Every function checks its arguments before computing anything and throws a CapacityError
 * (./errors) whose message names the argument and the value given. Counts (users, events a day,
 * bytes) must be finite and 0 or more: INVALID_QUANTITY. A bare number or another kind of
 * quantity where a DataSize or a Duration is due: WRONG_TYPE.
 */

/** How often something happens: in a day, a second on average, and in the busiest second. */
export interface Traffic {
  readonly perDay: number;
  readonly averagePerSecond: number;
  /** averagePerSecond x the peak factor. Never below the average. */
  readonly peakPerSecond: number;
}

export interface DailyTrafficInput {
  /** Events in a day: photos uploaded, messages sent, rides requested. */
  perDay: number;
  /**
   * The busiest second over the average second, 1 or more: 2-3 for a product used around the
   * world, 10 for one whose users all wake up at once (an evening show, a match, a sale).
   */
  peakFactor: number;
}

export interface UserTrafficInput {
  /** People who use the product on a given day (DAU). */
  dailyActiveUsers: number;
  /** Events each of them causes in a day. */
  perUserPerDay: number;
  /** See DailyTrafficInput.peakFactor. */
  peakFactor: number;
}

export interface StorageInput {
  /** Objects written in a day (photos, messages). */
  writesPerDay: number;
  /** The average size of one. */
  writeSize: DataSize;
  /** Copies of every object kept, on different machines: a whole number, 1 or more (3 is usual). */
  replicationFactor: number;
  /** How long each object is kept. */
  retention: Duration;
}

export interface StorageEstimate {
  /** One copy of one day's writes: writesPerDay x writeSize. */
  readonly perDay: DataSize;
  /** Every copy of one day's writes: perDay x replicationFactor (what the disks fill by each day). */
  readonly perDayReplicated: DataSize;
  /** One copy of everything kept at once once retention is reached: perDay x retention in days. */
  readonly retained: DataSize;
  /** What the disks must hold: retained x replicationFactor. */
  readonly total: DataSize;
}

/** Data moved each second on average and in the busiest second. */
export interface Bandwidth {
  readonly average: DataRate;
  readonly peak: DataRate;
}

export interface CacheInput {
  /** Reads in a day. */
  readsPerDay: number;
  /** The size of one read's answer. */
  readSize: DataSize;
  /** The share of a day's read volume to keep in memory, above 0 and at most 1; DEFAULT_HOT_FRACTION when omitted. */
  hotFraction?: number;
}

export interface ServersInput {
  traffic: Traffic;
  /** Requests one server handles a second, at full load (from a load test). Above 0. */
  perServerPerSecond: number;
  /** The share of that capacity to use at peak, above 0 and at most 1 (0.7 leaves 30% headroom); 1 when omitted. */
  targetUtilisation?: number;
}

/** A product sized from its users: what an interviewer gives you, in the units they give it. */
export interface SystemSpec {
  dailyActiveUsers: number;
  /** Writes (uploads, messages sent) per user per day. */
  writesPerUserPerDay: number;
  /** Reads per write, above 0: 200 for a chat app where each message is viewed 200 times. */
  readsPerWrite: number;
  peakFactor: number;
  /** The size of one write, stored and uploaded. */
  writeSize: DataSize;
  /** The size of one read's answer, sent out and cached. */
  readSize: DataSize;
  replicationFactor: number;
  retention: Duration;
  /** See CacheInput.hotFraction. */
  hotFraction?: number;
}

export interface SystemEstimate {
  readonly writes: Traffic;
  readonly reads: Traffic;
  /** For the writes, kept for the retention period with every copy. */
  readonly storage: StorageEstimate;
  /** Writes x writeSize, coming in. */
  readonly ingress: Bandwidth;
  /** Reads x readSize, going out. */
  readonly egress: Bandwidth;
  /** The hot fraction of a day's read volume. */
  readonly cache: DataSize;
}

/** The 80/20 rule: a fifth of what is read draws four fifths of the reads, so a fifth is cached. */
export const DEFAULT_HOT_FRACTION = 0.2;

/**
 * Events a second when `count` events are spread evenly over `period`: 500 million over a day is
 * about 5,787 a second; a million drivers each reporting once every 20 seconds, 50,000 a second.
 * @throws CapacityError EMPTY_PERIOD when the period is 0.
 */
export function ratePerSecond(count: number, period: Duration): number {
  return notImplemented("ratePerSecond");
}

/**
 * A day's events as traffic: the average second, and the peak at `peakFactor` times the average.
 * @throws CapacityError INVALID_PEAK_FACTOR when peakFactor is below 1 or not finite.
 */
export function dailyTraffic(input: DailyTrafficInput): Traffic {
  return notImplemented("dailyTraffic");
}

/** dailyTraffic for dailyActiveUsers x perUserPerDay events a day. */
export function userTraffic(input: UserTrafficInput): Traffic {
  return notImplemented("userTraffic");
}

/**
 * Reads from writes by the read:write ratio: every figure of `writes` times `readsPerWrite`.
 * @throws CapacityError INVALID_RATIO when readsPerWrite is 0 or less, or not finite;
 *   INVALID_PEAK_FACTOR when writes.peakPerSecond is below writes.averagePerSecond.
 */
export function readTraffic(writes: Traffic, readsPerWrite: number): Traffic {
  return notImplemented("readTraffic");
}

/**
 * The storage a day of writes needs, one copy and every copy, and once the retention period is full.
 * @throws CapacityError INVALID_REPLICATION when replicationFactor is not a whole number, 1 or more.
 */
export function storageNeeded(input: StorageInput): StorageEstimate {
  return notImplemented("storageNeeded");
}

/** The bandwidth `traffic` needs when each event moves `perEvent`, on average and at peak. */
export function bandwidthNeeded(traffic: Traffic, perEvent: DataSize): Bandwidth {
  return notImplemented("bandwidthNeeded");
}

/**
 * Memory for the hot part of a day's reads: hotFraction x readsPerDay x readSize. An upper bound:
 * an item read many times is counted each time.
 * @throws CapacityError INVALID_FRACTION when hotFraction is not above 0 and at most 1.
 */
export function cacheSize(input: CacheInput): DataSize {
  return notImplemented("cacheSize");
}

/**
 * Servers to carry the peak second at the target utilisation: a whole number, rounded up.
 * @throws CapacityError INVALID_CAPACITY when perServerPerSecond is 0 or less, or not finite;
 *   INVALID_FRACTION when targetUtilisation is not above 0 and at most 1.
 */
export function serversNeeded(input: ServersInput): number {
  return notImplemented("serversNeeded");
}

/**
 * The downtime an availability allows in `period`: 0.999 allows 8.76 hours a year.
 * @throws CapacityError INVALID_AVAILABILITY when availability is not from 0 to 1 (99.9 is a percentage: pass 0.999).
 */
export function allowedDowntime(availability: number, period: Duration): Duration {
  return notImplemented("allowedDowntime");
}

/**
 * The whole estimate for a product: writes from the users, reads from the writes, storage for the
 * writes, ingress and egress bandwidth, and the cache for the reads.
 */
export function estimateSystem(spec: SystemSpec): SystemEstimate {
  return notImplemented("estimateSystem");
}
