/**
 * The argument checks every entry point runs before it computes anything. Each failure names the
 * argument, shows the value as it was given, and says what to pass instead.
 */
import { CapacityError, type CapacityErrorCode } from "./errors";

/** A value as a message shows it: numbers as written, anything else as JSON ("2 MB", not 2 MB). */
export function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}

/** A number that is not NaN or infinite (a string such as "5" is not one). */
const isFiniteNumber = (value: unknown): value is number => Number.isFinite(value);

function refuse(code: CapacityErrorCode, what: string, value: unknown, rule: string): never {
  throw new CapacityError(code, `${what} must be ${rule}, got ${shown(value)}`);
}

/** A count, size, rate or multiplier: a finite number, 0 or more. */
export function quantity(value: unknown, what: string): number {
  if (!(isFiniteNumber(value) && value >= 0)) refuse("INVALID_QUANTITY", what, value, "a finite number, 0 or more");
  return value;
}

/** Peak over average: 1 means the busiest second is an average one; it cannot be quieter. */
export function peakFactor(value: unknown): number {
  if (!(isFiniteNumber(value) && value >= 1))
    refuse(
      "INVALID_PEAK_FACTOR",
      "peakFactor",
      value,
      "a finite number, 1 or more (the busiest second over the average one: 2-3 for a steady global product, 10 for a spiky one)",
    );
  return value;
}

export function readsPerWrite(value: unknown): number {
  if (!(isFiniteNumber(value) && value > 0))
    refuse(
      "INVALID_RATIO",
      "readsPerWrite",
      value,
      "a finite number above 0 (200 for a chat app read 200 times for each message sent; 0.5 for a write-heavy log)",
    );
  return value;
}

export function replicationFactor(value: unknown): number {
  if (!(Number.isInteger(value) && (value as number) >= 1))
    refuse(
      "INVALID_REPLICATION",
      "replicationFactor",
      value,
      "a whole number of copies, 1 or more (3 is the usual figure: HDFS, Cassandra and S3-style stores keep three)",
    );
  return value as number;
}

/** A share of something that must not be empty: (0, 1]. */
export function fraction(value: unknown, what: string, example: string): number {
  if (!(isFiniteNumber(value) && value > 0 && value <= 1))
    refuse("INVALID_FRACTION", what, value, `a fraction above 0 and at most 1 (${example})`);
  return value;
}

export function availability(value: unknown): number {
  if (!(isFiniteNumber(value) && value >= 0 && value <= 1))
    refuse(
      "INVALID_AVAILABILITY",
      "availability",
      value,
      isFiniteNumber(value) && value > 1 && value <= 100
        ? `a fraction from 0 to 1: ${shown(value)} looks like a percentage, pass ${shown(Number((value / 100).toPrecision(12)))}`
        : "a fraction from 0 to 1 (0.999 for three nines)",
    );
  return value;
}

export function perServerPerSecond(value: unknown): number {
  if (!(isFiniteNumber(value) && value > 0))
    refuse(
      "INVALID_CAPACITY",
      "perServerPerSecond",
      value,
      "a finite number above 0: what one server handles a second, measured by a load test",
    );
  return value;
}

/** A period something is divided by: 0 seconds has no "per second". */
export function nonEmptyPeriod(seconds: number, what: string): number {
  if (seconds === 0)
    throw new CapacityError(
      "EMPTY_PERIOD",
      `${what} is 0 seconds: a rate is a count over a period longer than 0 (Duration.of(1, "days"))`,
    );
  return seconds;
}

/** What a value is, for a message about a value of the wrong type. */
export function kindOf(value: unknown): string {
  if (typeof value === "number") return `the bare number ${shown(value)}, which has no unit`;
  if (typeof value === "object" && value !== null) return `a ${value.constructor.name}`;
  return shown(value);
}

/** `what` must be a DataSize or a Duration (`expected`), built as `example` shows. */
export function wrongType(what: string, expected: string, example: string, value: unknown): never {
  throw new CapacityError("WRONG_TYPE", `${what} must be a ${expected}, such as ${example}; got ${kindOf(value)}`);
}
