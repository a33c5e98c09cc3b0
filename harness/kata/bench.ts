/** The bench API for exercises' bench.ts files, imported as `#kata/bench`. */
export { defineBench } from "../bench/define";
export type {
  BenchDefinition,
  HttpWorkload,
  Operation,
  Peer,
  PeerFigure,
  ScalingWorkload,
  SimWorkload,
  ThroughputWorkload,
  Workload,
} from "../bench/define";
export { zipfIndexes, zipfKeys } from "../bench/skewed-keys";
export { tempDatabase, type TempDatabase } from "../kata/temp-database";
