import { CodedError } from "#kata";

/**
 * The errors an event store raises. Given code: use it as it is.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead. A call that throws writes nothing.
 */
export type EventStoreErrorCode =
  | "INVALID_STREAM" // a stream id that is not a non-empty string
  | "INVALID_EXPECTED_VERSION" // an expected version that is not an integer >= 0
  | "INVALID_EVENTS" // append's events: not an array, or an empty one
  | "INVALID_EVENT" // one event: a type that is not a non-empty string, or data JSON cannot encode
  | "INVALID_VERSION" // readStream's fromVersion: not an integer >= 1
  | "INVALID_POSITION" // readAll's or subscribe's fromPosition: not an integer >= 1
  | "INVALID_COUNT" // maxCount: not an integer >= 1
  | "INVALID_HANDLER" // subscribe's handler: not a function
  | "INVALID_FILE" // SqliteEventStore's file: not a path (":memory:" too: it would not survive close)
  | "CLOSED" // any call after close()
  | "WRONG_EXPECTED_VERSION"; // append's expected version is not the stream's version: see below

export class EventStoreError extends CodedError<EventStoreErrorCode> {
  override readonly name: string = "EventStoreError";
}

/**
 * Optimistic concurrency: `append(stream, expectedVersion, events)` found the stream at another
 * version than the caller expected, so someone else wrote to it since the caller read it (or the
 * caller's idea of the stream is wrong). Nothing was written. The caller reloads the stream,
 * decides again on what it now holds, and retries with the version it read.
 */
export class WrongExpectedVersionError extends EventStoreError {
  override readonly name: string = "WrongExpectedVersionError";

  constructor(
    /** The stream the append was for. */
    readonly stream: string,
    /** The version the caller said the stream was at. */
    readonly expectedVersion: number,
    /** The version the stream was really at: the version of its last event, 0 for no events. */
    readonly actualVersion: number,
  ) {
    super(
      "WRONG_EXPECTED_VERSION",
      `append to ${JSON.stringify(stream)} expected version ${expectedVersion}, but the stream is at version ${actualVersion}` +
        `${actualVersion === 0 ? " (it has no events yet: expect 0)" : ""}; nothing was written. ` +
        "Read the stream again, decide on what it holds now, and append with the version you read.",
    );
  }
}
