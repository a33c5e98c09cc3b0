import { CircuitBreakerError } from "./errors";

/** A value as a message shows it: strings quoted, objects as JSON, the rest as they print. */
export function shown(value: unknown): string {
  if (typeof value === "string" || typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function invalid(name: string, value: unknown, rule: string, fallback: number | string): CircuitBreakerError {
  return new CircuitBreakerError(
    "INVALID_OPTION",
    `${name} must be ${rule}, got ${shown(value)}; leave it out for the default (${fallback})`,
  );
}

/** A duration in ms: finite and > 0 (`orZero` allows 0). */
export function duration(name: string, value: unknown, fallback: number, orZero = false): number {
  if (value === undefined) return fallback;
  // Number.isFinite does not convert: a string, null or NaN is not finite.
  if (!Number.isFinite(value) || (value as number) < 0 || (value === 0 && !orZero)) {
    throw invalid(name, value, orZero ? "a finite number of ms >= 0" : "a finite number of ms > 0", fallback);
  }
  return value as number;
}

/** A count: an integer >= 1. */
export function count(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 1) throw invalid(name, value, "an integer >= 1", fallback);
  return value as number;
}

/** A share: a number in (0, 1]. */
export function share(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value > 0 && value <= 1)) {
    throw invalid(name, value, "a number in (0, 1], a share of the calls", fallback);
  }
  return value;
}

/** A function option, or its default. */
export function callback<F>(name: string, value: unknown, fallback: F, fallbackText: string): F {
  if (value === undefined) return fallback;
  if (typeof value !== "function") throw invalid(name, value, "a function", fallbackText);
  return value as F;
}
