import { DetectorError } from "./errors";

export function positive(name: string, value: unknown, fallback?: number): number {
  const chosen = value === undefined ? fallback : value;
  if (typeof chosen !== "number" || !Number.isFinite(chosen) || chosen <= 0) {
    throw new DetectorError("INVALID_OPTION", `${name} must be a finite number > 0, got ${String(value)}`);
  }
  return chosen;
}

export function nonNegative(name: string, value: unknown, fallback: number): number {
  const chosen = value === undefined ? fallback : value;
  if (typeof chosen !== "number" || !Number.isFinite(chosen) || chosen < 0) {
    throw new DetectorError("INVALID_OPTION", `${name} must be a finite number >= 0, got ${String(value)}`);
  }
  return chosen;
}

export function positiveInteger(name: string, value: unknown, fallback: number): number {
  const chosen = value === undefined ? fallback : value;
  if (typeof chosen !== "number" || !Number.isInteger(chosen) || chosen < 1) {
    throw new DetectorError("INVALID_OPTION", `${name} must be an integer >= 1, got ${String(value)}`);
  }
  return chosen;
}

/** A time given to a detector: finite, and not before the last heartbeat. */
export function checkTime(now: unknown, last: number | undefined, call: string): number {
  if (typeof now !== "number" || !Number.isFinite(now)) {
    throw new DetectorError("INVALID_TIME", `${call}(${String(now)}): a time is a finite number of ms`);
  }
  if (last !== undefined && now < last) {
    throw new DetectorError(
      "TIME_WENT_BACKWARDS",
      `${call}(${now}) is before the last heartbeat at ${last}: time went backwards. Read a monotonic clock (performance.now(), process.hrtime), not the wall clock, which NTP can step back`,
    );
  }
  return now;
}
