import * as check from "./checks";
import { requireSize, requireDuration, requireTraffic } from "./quantity-checks";
import { storageNeeded } from "./storage";
import { readTraffic, userTraffic } from "./traffic";
import { DataRate, DataSize, Duration } from "./units";

export { DataRate, DataSize, Duration, type DurationUnit, type RateUnit, type SizeUnit } from "./units";
export { dailyTraffic, ratePerSecond, readTraffic, userTraffic } from "./traffic";
export { storageNeeded } from "./storage";
export { serversNeeded } from "./servers";

export interface Traffic {
  readonly perDay: number;
  readonly averagePerSecond: number;
  readonly peakPerSecond: number;
}

export interface DailyTrafficInput {
  perDay: number;
  peakFactor: number;
}

export interface UserTrafficInput {
  dailyActiveUsers: number;
  perUserPerDay: number;
  peakFactor: number;
}

export interface StorageInput {
  writesPerDay: number;
  writeSize: DataSize;
  replicationFactor: number;
  retention: Duration;
}

export interface StorageEstimate {
  readonly perDay: DataSize;
  readonly perDayReplicated: DataSize;
  readonly retained: DataSize;
  readonly total: DataSize;
}

export interface Bandwidth {
  readonly average: DataRate;
  readonly peak: DataRate;
}

export interface CacheInput {
  readsPerDay: number;
  readSize: DataSize;
  hotFraction?: number;
}

export interface ServersInput {
  traffic: Traffic;
  perServerPerSecond: number;
  targetUtilisation?: number;
}

export interface SystemSpec {
  dailyActiveUsers: number;
  writesPerUserPerDay: number;
  readsPerWrite: number;
  peakFactor: number;
  writeSize: DataSize;
  readSize: DataSize;
  replicationFactor: number;
  retention: Duration;
  hotFraction?: number;
}

export interface SystemEstimate {
  readonly writes: Traffic;
  readonly reads: Traffic;
  readonly storage: StorageEstimate;
  readonly ingress: Bandwidth;
  readonly egress: Bandwidth;
  readonly cache: DataSize;
}

export const DEFAULT_HOT_FRACTION = 0.2;

const ONE_SECOND = Duration.of(1, "seconds");

export function bandwidthNeeded(traffic: Traffic, perEvent: DataSize): Bandwidth {
  const { averagePerSecond, peakPerSecond } = requireTraffic(traffic, "traffic");
  const size = requireSize(perEvent, "perEvent");
  return { average: size.times(averagePerSecond).per(ONE_SECOND), peak: size.times(peakPerSecond).per(ONE_SECOND) };
}

export function cacheSize(input: CacheInput): DataSize {
  const readsPerDay = check.quantity(input.readsPerDay, "readsPerDay");
  const readSize = requireSize(input.readSize, "readSize");
  const hot = check.fraction(
    input.hotFraction ?? DEFAULT_HOT_FRACTION,
    "hotFraction",
    "0.2: by the 80/20 rule a fifth of what is read draws four fifths of the reads",
  );
  return readSize.times(readsPerDay * hot);
}

export function allowedDowntime(availability: number, period: Duration): Duration {
  const up = check.availability(availability);
  const seconds = requireDuration(period, "period").in("seconds");
  return Duration.of((1 - up) * seconds, "seconds");
}

export function estimateSystem(spec: SystemSpec): SystemEstimate {
  const writes = userTraffic({
    dailyActiveUsers: spec.dailyActiveUsers,
    perUserPerDay: check.quantity(spec.writesPerUserPerDay, "writesPerUserPerDay"),
    peakFactor: spec.peakFactor,
  });
  const reads = readTraffic(writes, spec.readsPerWrite);
  const storage = storageNeeded({
    writesPerDay: writes.perDay,
    writeSize: spec.writeSize,
    replicationFactor: spec.replicationFactor,
    retention: spec.retention,
  });
  // The 80/20 rule applies to what is read in a day, not to what is stored.
  const cache = cacheSize({ readsPerDay: reads.perDay, readSize: spec.readSize, hotFraction: spec.hotFraction });
  return {
    writes,
    reads,
    storage,
    ingress: bandwidthNeeded(writes, spec.writeSize),
    egress: bandwidthNeeded(reads, spec.readSize),
    cache,
  };
}
