import type { Clock } from "#kata/clock";
export { ServingError, type ServingErrorCode } from "./errors";
export { systemClock, type Clock } from "#kata/clock";
export { DynamicBatcher } from "./dynamic-batcher";
export { FeatureStore } from "./feature-store";

export interface BatcherOptions<I, O> {
  /** The most requests one batch holds. Integer >= 1. */
  maxBatchSize: number;
  /** The longest a request waits for its batch to be dispatched, ms. Finite, > 0. */
  maxWaitMs: number;
  /**
   * The model: answers a batch of inputs with one output per input, in the same order. It may
   * take its time (it returns a promise) and it may fail.
   */
  runBatch: (inputs: readonly I[]) => Promise<readonly O[]>;
  /** Where time and timers come from. Default: systemClock. */
  clock?: Clock;
}

/** One training example: the label, and each feature as it was known at the label's time. */
export interface TrainingRow {
  entityId: string;
  time: number;
  label: number;
  /** Feature name to value; undefined when the entity had no value yet (or only one too old). */
  features: Record<string, number | undefined>;
}

export interface LabelEvent {
  entityId: string;
  /** When the outcome was observed: the features must be the ones known then. */
  time: number;
  label: number;
}
