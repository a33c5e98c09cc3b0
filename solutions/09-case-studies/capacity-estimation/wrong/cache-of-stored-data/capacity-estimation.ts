/**
 * WRONG: the 80/20 rule applied to the data stored (one copy over the whole retention period)
 * instead of a day's read volume. For the worked example's chat app that is 20% of 3.65 PB, 730 TB of memory,
 * where 20% of a day's 4 trillion reads of 100 bytes is 80 TB.
 */
import {
  cacheSize,
  estimateSystem as reference,
  type SystemEstimate,
  type SystemSpec,
} from "../../src/capacity-estimation";

export * from "../../src/capacity-estimation";

export function estimateSystem(spec: SystemSpec): SystemEstimate {
  const estimate = reference(spec);
  const stored = estimate.storage.retained;
  // the mistake: "cache 20% of the data" with the stored data as "the data"
  return { ...estimate, cache: cacheSize({ readsPerDay: 1, readSize: stored, hotFraction: spec.hotFraction }) };
}
