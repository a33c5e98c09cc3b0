/**
 * How long and how much memory one exercise of one student may take. The time limit follows the
 * reference's own time on this machine, in the same conditions (its tests in a fresh jest process),
 * so a class where every student has an infinite loop costs a few times the reference's time per
 * student, not a fixed two minutes.
 */
export interface GradingLimits {
  timeLimitMs: number;
  /** Why that limit, said in a time-out's crash sentence. */
  timeLimitReason: string;
  memoryLimitMb: number;
}

/** A fresh jest process on a busy 2-core machine can take this long before the first test. */
const START_UP_ALLOWANCE_MS = 10_000;
const REFERENCE_FACTOR = 3;
const FLOOR_MS = 20_000;
const CEILING_MS = 120_000;
export const DEFAULT_MEMORY_LIMIT_MB = 768;

export function limitsFromReference(referenceMs: number, memoryLimitMb = DEFAULT_MEMORY_LIMIT_MB): GradingLimits {
  const timeLimitMs = Math.min(CEILING_MS, Math.max(FLOOR_MS, REFERENCE_FACTOR * referenceMs + START_UP_ALLOWANCE_MS));
  return {
    timeLimitMs,
    timeLimitReason: `the limit is ${REFERENCE_FACTOR}x the reference's ${(referenceMs / 1000).toFixed(1)} s plus ${START_UP_ALLOWANCE_MS / 1000} s, at least ${FLOOR_MS / 1000} s`,
    memoryLimitMb,
  };
}
