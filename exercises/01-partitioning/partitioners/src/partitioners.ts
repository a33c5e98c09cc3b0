/**
 * Everything the exercise exports, in one module: what the bench loads (given code). Write your
 * code in the modules it re-exports.
 */
export type { Partitioner } from "./partitioner";
export { PartitionError, type PartitionErrorCode } from "./errors";
export { hash32 } from "./hash";
export { HashPartitioner } from "./hash-partitioner";
export { RangePartitioner, type KeyRange } from "./range-partitioner";
export { skewReport, type Hotspot, type KeyRecord, type PartitionLoad, type SkewReport } from "./skew-report";
