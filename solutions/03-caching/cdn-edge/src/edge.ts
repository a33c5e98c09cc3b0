import { SmallLru } from "#kata/small-lru";
import { toUnitVector, type UnitVector } from "./geo";
import { SecondWindow } from "./second-window";
import type { EdgeLocation, EdgeMetrics } from "./types";

/** One edge location's state: its place (as a unit vector), health, capacity, cache and counters. */
export class Edge {
  readonly vector: UnitVector;
  readonly window: SecondWindow;
  /** Content id -> size in bytes. */
  readonly cache: SmallLru<string, number>;
  readonly metrics: EdgeMetrics = { requests: 0, hits: 0, misses: 0, bytesServed: 0, originFetches: 0, prefetched: 0 };
  healthy = true;

  constructor(readonly config: EdgeLocation) {
    this.vector = toUnitVector(config.location);
    this.window = new SecondWindow(config.maxRequestsPerSecond);
    this.cache = new SmallLru<string, number>(config.cacheItems);
  }
}
