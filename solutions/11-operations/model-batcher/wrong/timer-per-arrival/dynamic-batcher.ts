import { Batch } from "../../src/batch";
import { batcherSettings, type BatcherSettings } from "../../src/batcher-options";
import type { BatcherOptions } from "../../src/model-batcher";
import { settle } from "../../src/settle";

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
  private readonly settings: BatcherSettings<I, O>;
  private open = new Batch<I, O>();

  constructor(options: BatcherOptions<I, O>) {
    this.settings = batcherSettings(options);
  }

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const batch = this.open;
      batch.add(input, resolve, reject);
      // Wrong: the wait restarts with every arrival (a debounce).
      batch.timer?.cancel();
      batch.timer = this.settings.clock.setTimer(this.settings.maxWaitMs, () => this.dispatch(batch));
      if (batch.size >= this.settings.maxBatchSize) this.dispatch(batch);
    });
  }

  flush(): void {
    if (this.open.size > 0) this.dispatch(this.open);
  }

  get waiting(): number {
    return this.open.size;
  }

  /** Sends `batch` to the model and opens the next one; never waits for the model. */
  private dispatch(batch: Batch<I, O>): void {
    if (batch !== this.open) return; // its timer fired after it had left by size or flush
    batch.timer?.cancel();
    this.open = new Batch<I, O>();
    let running: Promise<readonly O[]>;
    try {
      running = this.settings.runBatch(batch.inputs);
    } catch (error) {
      settle(batch, { error });
      return;
    }
    Promise.resolve(running).then(
      (outputs) => settle(batch, { outputs }),
      (error: unknown) => settle(batch, { error }),
    );
  }
}
