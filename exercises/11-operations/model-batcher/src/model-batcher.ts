import { notImplemented } from "#kata";
import type { Clock } from "#kata/clock";
import { ServingError } from "./errors";
// ServingError is what the finished batcher and store throw (see each method).

export { ServingError, type ServingErrorCode } from "./errors";
export { systemClock, type Clock } from "#kata/clock";

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

/**
 * Dynamic batching for model serving, as NVIDIA Triton's dynamic batcher and TorchServe's batch
 * handler do it: requests that arrive one by one are grouped, so the model (a GPU, best fed many
 * inputs at once) runs one call per batch instead of one per request, while no request waits
 * longer than maxWaitMs for its batch.
 *
 * - A request joins the open batch. The open batch is dispatched (runBatch called with its inputs
 *   in arrival order) as soon as it holds maxBatchSize requests, inside the submit() that filled
 *   it, or exactly maxWaitMs after its first request arrived (a timer on the clock), whichever
 *   comes first. Then a new, empty batch opens; its own first request starts its own wait. An
 *   empty batch is never dispatched.
 * - Dispatching never waits for the model: a batch still running does not hold back the next.
 * - When runBatch resolves, output i settles request i of that batch. When it rejects (or throws),
 *   every request of that batch rejects with that error; when it answers with a different number
 *   of outputs, every request of that batch rejects with BATCH_SIZE_MISMATCH. Other batches are
 *   not affected.
 */
export class DynamicBatcher<I, O> {
  /** @throws ServingError INVALID_OPTION for an option out of range (the message names it). */
  constructor(options: BatcherOptions<I, O>) {
    notImplemented("new DynamicBatcher()");
  }

  /** Queues one request; the promise settles with its output once its batch has run. */
  submit(input: I): Promise<O> {
    return notImplemented("DynamicBatcher.submit");
  }

  /** Dispatches the open batch now, whatever its size (at shutdown); does nothing when it is empty. */
  flush(): void {
    notImplemented("DynamicBatcher.flush");
  }

  /** Requests in the open batch, not yet dispatched. */
  get waiting(): number {
    return notImplemented("DynamicBatcher.waiting");
  }
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

/**
 * An offline feature store with point-in-time reads, as Feast's and Tecton's historical retrieval
 * work: every feature value is kept with its event time, and a read "as of" a time returns the
 * value the entity had then, never one from later. A model trained on values from the future
 * (a fraud score computed after the fraud was confirmed) looks excellent offline and fails in
 * production: the leak the point-in-time join exists to prevent.
 *
 * - Values may arrive out of order (late data): each lands at its event time. A second value for
 *   the same entity, feature and event time replaces the first (a correction).
 * - getAsOf(entity, feature, asOf) is the value with the latest event time <= asOf; undefined
 *   when there is none, or when maxAgeMs is given and that value's event time is before
 *   asOf - maxAgeMs (too old to trust; a value exactly maxAgeMs old still counts).
 */
export class FeatureStore {
  /** @throws ServingError INVALID_FEATURE for an empty entityId or feature, a time or value that is not finite. */
  write(entityId: string, feature: string, value: number, eventTime: number): void {
    notImplemented("FeatureStore.write");
  }

  /**
   * The hot path: a training set of millions of rows reads every feature as of every label time.
   * @throws ServingError INVALID_FEATURE for an empty entityId or feature, an asOf that is not
   *   finite, a maxAgeMs that is not a finite number >= 0.
   */
  getAsOf(entityId: string, feature: string, asOf: number, maxAgeMs?: number): number | undefined {
    return notImplemented("FeatureStore.getAsOf");
  }

  /**
   * One row per label, in the labels' order, each feature read as of the label's time.
   * @throws ServingError INVALID_FEATURE as getAsOf does, for any label or feature name.
   */
  trainingRows(labels: readonly LabelEvent[], features: readonly string[], maxAgeMs?: number): TrainingRow[] {
    return notImplemented("FeatureStore.trainingRows");
  }
}
