/**
 * The mistake: the counters are allocated once, at module level, and grown as needed, to spare an
 * allocation per report; nobody zeroes them. The first report is right; every later one adds its
 * records on top of all the earlier reports' counts.
 */
import type { Partitioner } from "../../src/partitioner";
import type { KeyRecord } from "../../src/skew-report";
import { countLoads as fresh, type LoadCounts } from "../../src/load-counts";

const keys: number[] = [];
const bytes: number[] = [];

export function countLoads(partitioner: Partitioner, records: readonly KeyRecord[]): LoadCounts {
  const counts = fresh(partitioner, records);
  for (let p = 0; p < partitioner.partitionCount; p++) {
    keys[p] = (keys[p] ?? 0) + (counts.keys[p] as number);
    bytes[p] = (bytes[p] ?? 0) + (counts.bytes[p] as number);
  }
  return { keys: keys.slice(0, partitioner.partitionCount), bytes: bytes.slice(0, partitioner.partitionCount) };
}
