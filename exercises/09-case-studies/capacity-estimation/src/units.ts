import { notImplemented } from "#kata";
import { CapacityError } from "./errors";
// CapacityError is what every method below throws for bad input.

/**
 * Sizes of stored data. SI prefixes are powers of 1,000 (1 KB = 1,000 bytes, 1 MB = 10^6,
 * 1 GB = 10^9, 1 TB = 10^12, 1 PB = 10^15, 1 EB = 10^18); IEC prefixes are powers of 1,024
 * (1 KiB = 1,024 bytes, 1 MiB = 2^20, ... 1 EiB = 2^60). Disk makers, cloud bills and capacity
 * estimates use SI; operating systems often print IEC figures with SI names.
 */
export type SizeUnit = "B" | "KB" | "MB" | "GB" | "TB" | "PB" | "EB" | "KiB" | "MiB" | "GiB" | "TiB" | "PiB" | "EiB";

/**
 * Rates over a network, always with SI prefixes. "bit" is a bit and "B" a byte, 8 bits:
 * 1 MB/s = 8 Mbit/s. (The units "Mb" and "Mbps" are not accepted: a lower-case b is too easily
 * read as a byte.)
 */
export type RateUnit = "bit/s" | "kbit/s" | "Mbit/s" | "Gbit/s" | "Tbit/s" | "B/s" | "KB/s" | "MB/s" | "GB/s" | "TB/s";

/** Spans of time. A day is 86,400 seconds, a week 7 days, a month 30 days, a year 365 days. */
export type DurationUnit = "seconds" | "minutes" | "hours" | "days" | "weeks" | "months" | "years";

/*
 * Every quantity is a value object: created by `of`, read with `in`, never changed after it is made
 * (`times` returns a new one). The constructors are private, so a size can only be made with its
 * unit, and the classes are distinct types: TypeScript refuses a DataRate where a DataSize is due.
 *
 * Every method throws a CapacityError for bad input:
 * - INVALID_QUANTITY for a value or multiplier that is negative, NaN, infinite or not a number;
 * - UNKNOWN_UNIT for a unit that is not in the lists above ("Mb", "Mbps", "kb");
 * - WRONG_TYPE for a period that is not a Duration; EMPTY_PERIOD for DataSize.per over 0 seconds.
 * toString() gives the value in the largest unit it reaches, to 3 significant digits.
 */

/** A span of time, held in seconds. */
export class Duration {
  private constructor(private readonly seconds: number) {}

  /** `Duration.of(7, "years")`: 7 x 365 days. */
  static of(value: number, unit: DurationUnit): Duration {
    return notImplemented("Duration.of");
  }

  /** The duration in `unit`: `Duration.of(1, "days").in("seconds") === 86_400`. */
  in(unit: DurationUnit): number {
    return notImplemented("Duration.in");
  }

  /**
   * In the largest of seconds, minutes, hours, days and years that it reaches, to 3 significant
   * digits, singular for exactly 1: "8.76 hours", "1 day", "43.2 minutes", "0 seconds".
   */
  toString(): string {
    return notImplemented("Duration.toString");
  }
}

/** An amount of data, held in bytes. */
export class DataSize {
  private constructor(private readonly bytes: number) {}

  /** `DataSize.of(2, "MB")`: 2,000,000 bytes. */
  static of(value: number, unit: SizeUnit): DataSize {
    return notImplemented("DataSize.of");
  }

  /** The size in `unit`: `DataSize.of(1, "PB").in("TB") === 1_000`. */
  in(unit: SizeUnit): number {
    return notImplemented("DataSize.in");
  }

  /** A new size, `multiplier` times this one (a photo's size times the photos a day). */
  times(multiplier: number): DataSize {
    return notImplemented("DataSize.times");
  }

  /**
   * This much data moved in `period`, as a rate: `DataSize.of(1, "PB").per(Duration.of(1, "days"))`
   * is about 92.6 Gbit/s.
   * @throws CapacityError WRONG_TYPE when period is not a Duration; EMPTY_PERIOD when it is 0.
   */
  per(period: Duration): DataRate {
    return notImplemented("DataSize.per");
  }

  /** In the largest of B, KB, MB, GB, TB, PB and EB that it reaches, to 3 significant digits: "2.56 EB". */
  toString(): string {
    return notImplemented("DataSize.toString");
  }
}

/** A rate of data over a network, held in bits per second. */
export class DataRate {
  private constructor(private readonly bitsPerSecond: number) {}

  /** `DataRate.of(10, "Gbit/s")`: a 10-gigabit network card. */
  static of(value: number, unit: RateUnit): DataRate {
    return notImplemented("DataRate.of");
  }

  /** The rate in `unit`: `DataRate.of(1, "MB/s").in("Mbit/s") === 8`. */
  in(unit: RateUnit): number {
    return notImplemented("DataRate.in");
  }

  /** A new rate, `multiplier` times this one. */
  times(multiplier: number): DataRate {
    return notImplemented("DataRate.times");
  }

  /**
   * The data this rate moves in `period` (a period of 0 moves nothing).
   * @throws CapacityError WRONG_TYPE when period is not a Duration.
   */
  over(period: Duration): DataSize {
    return notImplemented("DataRate.over");
  }

  /**
   * In the largest of bit/s, kbit/s, Mbit/s, Gbit/s and Tbit/s that it reaches, to 3 significant
   * digits: "92.6 Gbit/s".
   */
  toString(): string {
    return notImplemented("DataRate.toString");
  }
}
