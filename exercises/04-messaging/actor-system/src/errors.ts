import { CodedError } from "#kata";

/**
 * The errors an actor system raises. Given code: use it, no need to change it.
 *
 * Two families share one class. Bad arguments are thrown at once, by the call that got them (the
 * first eight codes). The outcomes of an ask are rejections of the promise it returned (the last
 * three): a caller can switch on `code` to tell "too slow" from "gone" from "crashed".
 */
export type ActorErrorCode =
  | "INVALID_NAME" // an actor or supervisor name that is not a non-empty string
  | "DUPLICATE_NAME" // a live actor or supervisor already has that name
  | "INVALID_FACTORY" // a factory that is not a function, or that made something without a receive method
  | "INVALID_TIMEOUT" // an ask timeout that is not a positive, finite number of milliseconds
  | "INVALID_SUPERVISOR_OPTIONS" // an unknown strategy, maxRestarts not an integer >= 0, withinMs not positive and finite
  | "INVALID_GROUP" // broadcast given something that is not an iterable of actor refs
  | "INVALID_SCHEDULER" // options.scheduler without now() and setTimer()
  | "SUPERVISOR_STOPPED" // spawn on a supervisor that has stopped (it gave up, or stop() was called)
  | "ASK_TIMEOUT" // the ask was not answered within its timeout
  | "ACTOR_STOPPED" // the asked actor had stopped, or stopped before it handled the ask's message
  | "ACTOR_FAILED"; // the asked actor threw while handling the ask's message (the error is the cause)

export class ActorError extends CodedError<ActorErrorCode> {
  override readonly name = "ActorError";

  constructor(code: ActorErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message);
    if (options !== undefined) this.cause = options.cause;
  }
}
