/**
 * What an event store stores and the interface both backends implement. Given code: use it as it
 * is. The tests run one suite against both backends through this interface, so a difference
 * between them is a bug in one.
 */

/** Anything JSON can encode: an event's data is stored as its JSON text. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** An event to append: what happened (`type`) and its facts (`data`). */
export interface NewEvent {
  /** What happened, in the past tense: "OrderPlaced", "MoneyDeposited". Non-empty. */
  readonly type: string;
  /**
   * The facts. Stored as `JSON.stringify(data)`, so what comes back is a fresh copy parsed from
   * that text: later changes to the object given, or to an object read, never reach the store.
   */
  readonly data: JsonValue;
}

/** An event as the store holds it. */
export interface RecordedEvent {
  /** The stream (one aggregate: "order-7", "account-42") the event belongs to. */
  readonly stream: string;
  /** Its place in its stream: 1 for the stream's first event, then 2, 3, ... with no gap. */
  readonly version: number;
  /** Its place among all events of all streams: 1, 2, 3, ... in commit order, with no gap. */
  readonly position: number;
  readonly type: string;
  readonly data: JsonValue;
}

/** What a successful append tells the writer. */
export interface AppendResult {
  /** The stream's version now: the version of the last event appended. */
  readonly version: number;
  /** The global position of the last event appended. */
  readonly position: number;
}

/** Receives events one at a time, in position order. */
export type EventHandler = (event: RecordedEvent) => void;

/** A catch-up subscription: see EventStore.subscribe. */
export interface Subscription {
  /**
   * The position of the next event this subscription will deliver: one past the last event its
   * handler returned from. It is the checkpoint a consumer saves, and subscribes from again to
   * resume without skipping or repeating an event.
   */
  readonly nextPosition: number;
  /** What the handler threw, which ended the subscription; undefined if it never threw. */
  readonly error: unknown;
  /** True once close() was called, the handler threw, or the store was closed. */
  readonly closed: boolean;
  /** Stops delivery. Calling it again does nothing. */
  close(): void;
}

/**
 * An append-only log of events, split into streams (one per aggregate), with one global order.
 *
 * Every method throws EventStoreError with a code for bad input (see errors.ts) and CLOSED once
 * the store is closed; a call that throws writes nothing and delivers nothing.
 */
export interface EventStore {
  /**
   * Appends `events`, in order, to the end of `stream`, if and only if the stream is at
   * `expectedVersion` (0: the stream has no events yet). All of them or none: they get the
   * versions expectedVersion + 1, + 2, ... and the next global positions, and subscribers see
   * them only once they are stored.
   * @throws WrongExpectedVersionError (code WRONG_EXPECTED_VERSION) when the stream is at another
   *   version, whoever wrote it, this store or another connection to the same database. Nothing
   *   is written and no position is used up.
   */
  append(stream: string, expectedVersion: number, events: readonly NewEvent[]): AppendResult;

  /**
   * The stream's events whose version is `fromVersion` or later (1 by default: the whole
   * stream), in version order, at most `maxCount` of them (all by default). A stream with no
   * events, or a fromVersion past its end, gives [].
   */
  readStream(stream: string, fromVersion?: number, maxCount?: number): RecordedEvent[];

  /**
   * Every stream's events whose position is `fromPosition` or later (1 by default), in position
   * order, at most `maxCount` of them (all by default). To page through the log, ask again from
   * the last event's position + 1.
   */
  readAll(fromPosition?: number, maxCount?: number): RecordedEvent[];

  /** The stream's version: the version of its last event, 0 if it has none. */
  streamVersion(stream: string): number;

  /** The position of the last event stored, in any stream; 0 when the store is empty. */
  headPosition(): number;

  /**
   * Delivers every event whose position is `fromPosition` or later to `handler`, one at a time,
   * in position order, each exactly once: first the events already stored (catch-up, before
   * subscribe returns), then each event appended through this store (live, before that append
   * returns). Events a handler appends are delivered after the event it is handling, in order,
   * never in the middle of another delivery.
   *
   * A handler that throws ends its subscription: `error` holds what it threw and `nextPosition`
   * stays at the event it failed on, so subscribing again from there retries that event. The
   * append that triggered the delivery has already been stored and still succeeds, and other
   * subscriptions go on.
   */
  subscribe(fromPosition: number, handler: EventHandler): Subscription;

  /** Closes the store and its subscriptions. Calling it again does nothing. */
  close(): void;
}
