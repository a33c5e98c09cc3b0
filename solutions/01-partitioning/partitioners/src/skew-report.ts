import { countLoads } from "./load-counts";
import type { Partitioner } from "./partitioner";

export interface KeyRecord {
  readonly key: string;
  readonly bytes: number;
}

export interface PartitionLoad {
  readonly partition: number;
  readonly keys: number;
  readonly bytes: number;
}

export interface Hotspot {
  readonly partition: number;
  readonly share: number;
  readonly overMean: number;
}

export interface SkewReport {
  readonly partitions: PartitionLoad[];
  readonly totalKeys: number;
  readonly totalBytes: number;
  readonly hottestByKeys: Hotspot;
  readonly hottestByBytes: Hotspot;
}

/**
 * One pass over the records (./load-counts), then one over the partitions for the totals and the
 * hottest partition by each measure. O(records x lookup + partitions).
 */
export function skewReport(partitioner: Partitioner, records: readonly KeyRecord[]): SkewReport {
  const counts = countLoads(partitioner, records);
  return {
    partitions: counts.keys.map((keys, partition) => ({ partition, keys, bytes: counts.bytes[partition] as number })),
    totalKeys: records.length,
    totalBytes: sum(counts.bytes),
    hottestByKeys: hottestOf(counts.keys),
    hottestByBytes: hottestOf(counts.bytes),
  };
}

/** The partition with the largest value (the lowest number on a tie), and its part of the total. */
function hottestOf(values: readonly number[]): Hotspot {
  let partition = 0;
  for (let p = 1; p < values.length; p++) {
    if ((values[p] as number) > (values[partition] as number)) partition = p;
  }
  const total = sum(values);
  const share = total === 0 ? 0 : (values[partition] as number) / total;
  return { partition, share, overMean: share * values.length };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
