import { CodedError } from "#kata";

/** The errors event-store raises. Given code: the learner uses it as it is. */
export type EventStoreErrorCode = "INVALID_INPUT"; // TODO(kata new): one code per kind of bad input, with a comment each

export class EventStoreError extends CodedError<EventStoreErrorCode> {
  override readonly name = "EventStoreError";
}
