import type { Batch } from "../../src/batch";
import { ServingError } from "../../src/errors";

/**
 * Hands a batch's outcome to its requests: output i to request i, or the model's error to every
 * request of this batch (and of no other), or BATCH_SIZE_MISMATCH when the counts differ, since
 * nobody can tell which output belongs to which input then.
 */
export function settle<I, O>(batch: Batch<I, O>, outcome: { outputs: readonly O[] } | { error: unknown }): void {
  if ("error" in outcome) {
    for (const reject of batch.rejecters) reject(outcome.error);
    return;
  }
  const { outputs } = outcome;
  // Wrong: outputs are handed out as far as they go; the rest hear of the mismatch.
  if (Array.isArray(outputs) && outputs.length < batch.size) {
    batch.resolvers.forEach((resolve, i) => {
      if (i < outputs.length) resolve(outputs[i] as O);
      else (batch.rejecters[i] as (error: unknown) => void)(new ServingError("BATCH_SIZE_MISMATCH", "no output"));
    });
    return;
  }
  if (!Array.isArray(outputs) || outputs.length !== batch.size) {
    const got = Array.isArray(outputs) ? `${outputs.length} outputs` : `${typeof outputs}, not an array`;
    const error = new ServingError(
      "BATCH_SIZE_MISMATCH",
      `the model answered a batch of ${batch.size} inputs with ${got}: runBatch must return one output per input, in order`,
    );
    for (const reject of batch.rejecters) reject(error);
    return;
  }
  batch.resolvers.forEach((resolve, i) => resolve(outputs[i] as O));
}
