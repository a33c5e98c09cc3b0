import { systemClock, type Clock } from "#kata/clock";
import { ServingError } from "./errors";
import type { BatcherOptions } from "./model-batcher";

export interface BatcherSettings<I, O> {
  readonly maxBatchSize: number;
  readonly maxWaitMs: number;
  readonly runBatch: (inputs: readonly I[]) => Promise<readonly O[]>;
  readonly clock: Clock;
}

export function batcherSettings<I, O>(options: BatcherOptions<I, O>): BatcherSettings<I, O> {
  const { maxBatchSize, maxWaitMs, runBatch } = options;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) {
    throw new ServingError("INVALID_OPTION", `maxBatchSize must be an integer >= 1, got ${String(maxBatchSize)}`);
  }
  if (typeof maxWaitMs !== "number" || !Number.isFinite(maxWaitMs) || maxWaitMs <= 0) {
    throw new ServingError(
      "INVALID_OPTION",
      `maxWaitMs must be a finite number of ms > 0, got ${String(maxWaitMs)}: it bounds how long a request waits`,
    );
  }
  if (typeof runBatch !== "function") {
    throw new ServingError("INVALID_OPTION", "runBatch must be a function: the model, called with each batch's inputs");
  }
  const clock = options.clock ?? systemClock;
  if (typeof clock.now !== "function" || typeof clock.setTimer !== "function") {
    throw new ServingError("INVALID_OPTION", "clock must have now() and setTimer(ms, callback)");
  }
  return { maxBatchSize, maxWaitMs, runBatch, clock };
}
