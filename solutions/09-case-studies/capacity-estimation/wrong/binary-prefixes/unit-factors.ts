/**
 * WRONG: every size prefix is a power of 1,024 (MB is taken for MiB), so 500 million photos of 2 MB
 * come to 0.93 "PB" instead of 1. (Rates stay decimal: network prefixes were never binary.)
 *
 * What each unit is worth in its kind's base unit: bytes for sizes, bits per second for rates,
 * seconds for durations. The whole calculator converts through these three tables and nowhere else.
 */
import type { DurationUnit, RateUnit, SizeUnit } from "../../src/units";

/** A byte is 8 bits: sizes are counted in bytes, network rates in bits per second. */
export const BITS_PER_BYTE = 8;

/** SI prefixes (KB, MB, ...) are powers of 1,000; IEC prefixes (KiB, MiB, ...) powers of 1,024. */
const KILO = 1_000;
const KIBI = 1_024;

export const BYTES_PER: Readonly<Record<SizeUnit, number>> = {
  B: 1,
  // the mistake: "a megabyte is 2^20 bytes", so every SI size is its IEC namesake
  KB: KIBI,
  MB: KIBI ** 2,
  GB: KIBI ** 3,
  TB: KIBI ** 4,
  PB: KIBI ** 5,
  EB: KIBI ** 6,
  KiB: KIBI,
  MiB: KIBI ** 2,
  GiB: KIBI ** 3,
  TiB: KIBI ** 4,
  PiB: KIBI ** 5,
  EiB: KIBI ** 6,
};

/** Network rates are always decimal: 1 Gbit/s is 10^9 bits a second. */
export const BITS_PER_SECOND_PER: Readonly<Record<RateUnit, number>> = {
  "bit/s": 1,
  "kbit/s": KILO,
  "Mbit/s": KILO ** 2,
  "Gbit/s": KILO ** 3,
  "Tbit/s": KILO ** 4,
  "B/s": BITS_PER_BYTE,
  "KB/s": KILO * BITS_PER_BYTE,
  "MB/s": KILO ** 2 * BITS_PER_BYTE,
  "GB/s": KILO ** 3 * BITS_PER_BYTE,
  "TB/s": KILO ** 4 * BITS_PER_BYTE,
};

/** 24 x 60 x 60. */
export const SECONDS_PER_DAY = 86_400;

/** A month is 30 days and a year 365, as availability budgets count them. */
export const SECONDS_PER: Readonly<Record<DurationUnit, number>> = {
  seconds: 1,
  minutes: 60,
  hours: 3_600,
  days: SECONDS_PER_DAY,
  weeks: 7 * SECONDS_PER_DAY,
  months: 30 * SECONDS_PER_DAY,
  years: 365 * SECONDS_PER_DAY,
};
