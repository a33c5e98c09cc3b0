import { notImplemented } from "#kata";
import { EventStoreError, WrongExpectedVersionError } from "./errors";
import type { AppendResult, EventHandler, EventStore, NewEvent, RecordedEvent, Subscription } from "./events";
// EventStoreError and WrongExpectedVersionError are what the finished store throws.

/**
 * The event store in the process's memory: the model the SQLite backend must agree with, and
 * what tests of code built on an event store use. Lost when the process ends.
 *
 * It passes the same tests as SqliteEventStore, so it behaves as a database would: the data of an
 * event is kept as its JSON text (a caller who changes an object after appending it, or changes an
 * event it read, changes nothing stored), a refused append leaves no trace (no event, no position
 * used up), and positions have no gaps.
 */
export class InMemoryEventStore implements EventStore {
  constructor() {
    notImplemented("new InMemoryEventStore()");
  }

  /** See EventStore.append. */
  append(stream: string, expectedVersion: number, events: readonly NewEvent[]): AppendResult {
    return notImplemented(`InMemoryEventStore.append(${JSON.stringify(stream)}, ${expectedVersion}, ...)`);
  }

  /** See EventStore.readStream. */
  readStream(stream: string, fromVersion = 1, maxCount?: number): RecordedEvent[] {
    return notImplemented(`InMemoryEventStore.readStream(${JSON.stringify(stream)}, ${fromVersion}, ${maxCount})`);
  }

  /** See EventStore.readAll. */
  readAll(fromPosition = 1, maxCount?: number): RecordedEvent[] {
    return notImplemented(`InMemoryEventStore.readAll(${fromPosition}, ${maxCount})`);
  }

  /** See EventStore.streamVersion. */
  streamVersion(stream: string): number {
    return notImplemented(`InMemoryEventStore.streamVersion(${JSON.stringify(stream)})`);
  }

  /** See EventStore.headPosition. */
  headPosition(): number {
    return notImplemented("InMemoryEventStore.headPosition");
  }

  /** See EventStore.subscribe. */
  subscribe(fromPosition: number, handler: EventHandler): Subscription {
    return notImplemented(`InMemoryEventStore.subscribe(${fromPosition}, ${typeof handler})`);
  }

  /** See EventStore.close. */
  close(): void {
    notImplemented("InMemoryEventStore.close");
  }
}
