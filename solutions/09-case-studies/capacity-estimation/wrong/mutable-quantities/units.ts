/**
 * WRONG: times changes the quantity it is called on and returns it, as a fluent builder would. The
 * first estimate that multiplies a photo's size leaves the photo 500 million times bigger for the
 * next one: storage comes out right, and the bandwidth computed after it is wildly off.
 */
import { BITS_PER_BYTE, BITS_PER_SECOND_PER, BYTES_PER, SECONDS_PER } from "../../src/unit-factors";
import { nonEmptyPeriod, quantity, shown, wrongType } from "../../src/checks";
import { CapacityError } from "../../src/errors";

export type SizeUnit = "B" | "KB" | "MB" | "GB" | "TB" | "PB" | "EB" | "KiB" | "MiB" | "GiB" | "TiB" | "PiB" | "EiB";
export type RateUnit = "bit/s" | "kbit/s" | "Mbit/s" | "Gbit/s" | "Tbit/s" | "B/s" | "KB/s" | "MB/s" | "GB/s" | "TB/s";
export type DurationUnit = "seconds" | "minutes" | "hours" | "days" | "weeks" | "months" | "years";

/** What one unit of `unit` is worth in its table's base unit; anything not in the table is refused. */
function factor<U extends string>(
  table: Readonly<Record<U, number>>,
  unit: unknown,
  kind: string,
  advice: string,
): number {
  if (typeof unit !== "string" || !Object.hasOwn(table, unit))
    throw new CapacityError(
      "UNKNOWN_UNIT",
      `unknown ${kind} unit ${shown(unit)}: use one of ${Object.keys(table).join(", ")}${advice}`,
    );
  return table[unit as U];
}

const sizeFactor = (unit: unknown): number =>
  factor(BYTES_PER, unit, "size", " (KB is 1,000 bytes, KiB 1,024; a rate such as Mbit/s is a DataRate)");
const rateFactor = (unit: unknown): number =>
  factor(
    BITS_PER_SECOND_PER,
    unit,
    "rate",
    " (bit for bits, B for bytes: Mbit/s is a megabit a second, MB/s a megabyte a second, 8 times as much)",
  );
const durationFactor = (unit: unknown): number =>
  factor(SECONDS_PER, unit, "duration", " (a month is 30 days, a year 365)");

/** The value in the largest of `units` it reaches (the first unit below that), to 3 significant digits. */
function readable<U extends string>(
  base: number,
  table: Readonly<Record<U, number>>,
  units: readonly U[],
): { value: number; unit: U } {
  let unit = units[0] as U;
  for (const candidate of units) if (base >= table[candidate]) unit = candidate;
  return { value: Number((base / table[unit]).toPrecision(3)), unit };
}

function secondsOf(period: unknown, what: string): number {
  if (!(period instanceof Duration)) wrongType(what, "Duration", 'Duration.of(1, "days")', period);
  return period.in("seconds");
}

/** A span of time, held in seconds. A month is 30 days, a year 365 days. */
export class Duration {
  private constructor(private readonly seconds: number) {}

  static of(value: number, unit: DurationUnit): Duration {
    return new Duration(quantity(value, "Duration.of's value") * durationFactor(unit));
  }

  in(unit: DurationUnit): number {
    return this.seconds / durationFactor(unit);
  }

  toString(): string {
    const { value, unit } = readable(this.seconds, SECONDS_PER, ["seconds", "minutes", "hours", "days", "years"]);
    return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`; // "1 hour", "8.76 hours"
  }
}

/** An amount of data, held in bytes. */
export class DataSize {
  private constructor(private bytes: number) {}

  static of(value: number, unit: SizeUnit): DataSize {
    return new DataSize(quantity(value, "DataSize.of's value") * sizeFactor(unit));
  }

  in(unit: SizeUnit): number {
    return this.bytes / sizeFactor(unit);
  }

  times(multiplier: number): DataSize {
    // the mistake: a fluent builder that changes the size it is called on
    this.bytes *= quantity(multiplier, "DataSize.times's multiplier");
    return this;
  }

  per(period: Duration): DataRate {
    const seconds = nonEmptyPeriod(secondsOf(period, "DataSize.per's period"), "DataSize.per's period");
    return DataRate.of((this.bytes * BITS_PER_BYTE) / seconds, "bit/s");
  }

  toString(): string {
    const { value, unit } = readable(this.bytes, BYTES_PER, ["B", "KB", "MB", "GB", "TB", "PB", "EB"]);
    return `${value} ${unit}`;
  }
}

/** A rate of data over a network, held in bits per second. */
export class DataRate {
  private constructor(private bitsPerSecond: number) {}

  static of(value: number, unit: RateUnit): DataRate {
    return new DataRate(quantity(value, "DataRate.of's value") * rateFactor(unit));
  }

  in(unit: RateUnit): number {
    return this.bitsPerSecond / rateFactor(unit);
  }

  times(multiplier: number): DataRate {
    // the mistake, again
    this.bitsPerSecond *= quantity(multiplier, "DataRate.times's multiplier");
    return this;
  }

  over(period: Duration): DataSize {
    const seconds = secondsOf(period, "DataRate.over's period");
    return DataSize.of((this.bitsPerSecond / BITS_PER_BYTE) * seconds, "B");
  }

  toString(): string {
    const { value, unit } = readable(this.bitsPerSecond, BITS_PER_SECOND_PER, [
      "bit/s",
      "kbit/s",
      "Mbit/s",
      "Gbit/s",
      "Tbit/s",
    ]);
    return `${value} ${unit}`;
  }
}
