/**
 * The event store's two backends behind one interface, and what they store. Given code: it only
 * gathers the modules you write (memory-store.ts, sqlite-store.ts) and the given ones.
 */
export { EventStoreError, WrongExpectedVersionError, type EventStoreErrorCode } from "./errors";
export type {
  AppendResult,
  EventHandler,
  EventStore,
  JsonValue,
  NewEvent,
  RecordedEvent,
  Subscription,
} from "./events";
export { InMemoryEventStore } from "./memory-store";
export { SqliteEventStore } from "./sqlite-store";
