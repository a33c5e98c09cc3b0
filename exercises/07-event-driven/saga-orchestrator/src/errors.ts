import { CodedError } from "#kata";

/**
 * The errors a saga orchestrator raises about its own input. Given code: use it as it is.
 *
 * Each carries a `code` a caller can switch on and a message that says what was wrong and what to
 * do instead. A step's own failure is never one of these: it is what the saga is for (see
 * StepRejected in ./steps.ts).
 */
export type SagaErrorCode =
  | "INVALID_OPTION" // an option out of its range (the message names it)
  | "INVALID_STEP" // the steps: none, a name empty or used twice, run or compensate not a function
  | "INVALID_SAGA_ID" // start() or status() given an id that is not a non-empty string
  | "DUPLICATE_SAGA" // start() with an id the log already has
  | "UNKNOWN_SAGA" // status() of an id that was never started
  | "CORRUPT_LOG"; // the log holds an entry that cannot follow the ones before it (the message says which)

export class SagaError extends CodedError<SagaErrorCode> {
  override readonly name = "SagaError";
}
