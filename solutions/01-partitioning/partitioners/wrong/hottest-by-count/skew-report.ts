/**
 * The mistake: the report finds the hottest partition once, by record count, and gives that
 * partition's byte share as the hottest by bytes. It assumes the partition with the most rows
 * holds the most bytes; a partition with a few large rows (blobs, a tenant's big documents) is
 * the real hot spot on disk, and the report never names it.
 */
import { skewReport as reference } from "../../src/skew-report";
import type { Partitioner } from "../../src/partitioner";
import type { KeyRecord, SkewReport } from "../../src/skew-report";

export type { Hotspot, KeyRecord, PartitionLoad, SkewReport } from "../../src/skew-report";

export function skewReport(partitioner: Partitioner, records: readonly KeyRecord[]): SkewReport {
  const report = reference(partitioner, records);
  const partition = report.hottestByKeys.partition;
  const share = report.totalBytes === 0 ? 0 : (report.partitions[partition]?.bytes ?? 0) / report.totalBytes;
  return { ...report, hottestByBytes: { partition, share, overMean: share * partitioner.partitionCount } };
}
