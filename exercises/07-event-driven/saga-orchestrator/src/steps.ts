/**
 * What a saga is made of: steps, each with an action and the action that undoes it. Given code:
 * use it as it is.
 */

/** One call of a step's run or compensate, as the step receives it. */
export interface StepCall<Input> {
  /** The saga this call belongs to. */
  readonly sagaId: string;
  /** The input the saga was started with (an order, say). */
  readonly input: Input;
  /**
   * The key the service deduplicates by: a service that has already applied a call with this key
   * answers as it did then and applies nothing again (Stripe's Idempotency-Key header works so).
   * A retry is only safe if it repeats the key of the attempt it retries.
   */
  readonly idempotencyKey: string;
  /** 1 for the first attempt of this action, 2 for its first retry, and so on. */
  readonly attempt: number;
}

/**
 * One step of a saga. Both functions call another service and may throw:
 * - `run` throws StepRejected when the service said no (out of stock, card declined): a definite
 *   answer, nothing was done. Anything else it throws (a timeout, a 503, a dropped connection) is
 *   a failure whose outcome is unknown: the service may have done the work before the error.
 * - `compensate` undoes what `run` did: release the stock, refund the charge. It must be safe to
 *   call for a run that never took effect (it then does nothing), and it may fail like any call.
 */
export interface SagaStep<Input> {
  /** Unique within the saga: it names the step in the log, in statuses and in keys. */
  readonly name: string;
  run(call: StepCall<Input>): void;
  compensate(call: StepCall<Input>): void;
}

/** A service's definite "no": the step took no effect, and retrying would get the same answer. */
export class StepRejected extends Error {
  override readonly name = "StepRejected";
}
