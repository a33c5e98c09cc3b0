/** Checks that an argument is the quantity it claims to be: a DataSize, a Duration, a Traffic. */
import { quantity, wrongType } from "./checks";
import { CapacityError } from "./errors";
import { DataSize, Duration } from "./units";
import type { Traffic } from "./capacity-estimation";

export function requireSize(value: unknown, what: string): DataSize {
  if (!(value instanceof DataSize)) wrongType(what, "DataSize", 'DataSize.of(2, "MB")', value);
  return value;
}

export function requireDuration(value: unknown, what: string): Duration {
  if (!(value instanceof Duration)) wrongType(what, "Duration", 'Duration.of(5, "years")', value);
  return value;
}

/** A Traffic's three figures are quantities, and its peak is not below its average. */
export function requireTraffic(value: Traffic, what: string): Traffic {
  quantity(value.perDay, `${what}.perDay`);
  const average = quantity(value.averagePerSecond, `${what}.averagePerSecond`);
  const peak = quantity(value.peakPerSecond, `${what}.peakPerSecond`);
  if (peak < average)
    throw new CapacityError(
      "INVALID_PEAK_FACTOR",
      `${what}.peakPerSecond (${peak}) is below its averagePerSecond (${average}): the busiest second is never quieter than the average one; build traffic with dailyTraffic or userTraffic`,
    );
  return value;
}
