import { EventStoreError } from "./errors";
import { EventTable } from "./event-table";
import type { AppendResult, EventHandler, EventStore, NewEvent, RecordedEvent, Subscription } from "./events";
import { Subscriptions } from "./subscriptions";
import * as validate from "./validate";

const { checkExpectedVersion, checkFromPosition, checkFromVersion, checkHandler, checkMaxCount, checkOpen } = validate;
const { checkStream, encodeEvents } = validate;

/**
 * The event store in a SQLite file: checks every argument, then asks the table (event-table.ts),
 * and delivers to subscribers only once an append has committed.
 */
export class SqliteEventStore implements EventStore {
  private readonly table: EventTable;
  private readonly subscriptions = new Subscriptions((from, maxCount) => this.readAll(from, maxCount));
  private closed = false;

  constructor(file: string) {
    if (typeof file !== "string" || file === "" || file === ":memory:") {
      throw new EventStoreError(
        "INVALID_FILE",
        `SqliteEventStore needs the path of a database file, got ${JSON.stringify(file) ?? String(file)}` +
          `${file === ":memory:" ? ": an in-memory database is gone on close; use InMemoryEventStore for that" : ""}`,
      );
    }
    this.table = new EventTable(file);
  }

  append(stream: string, expectedVersion: number, events: readonly NewEvent[]): AppendResult {
    checkOpen(this.closed, "append");
    checkStream(stream);
    checkExpectedVersion(expectedVersion);
    const texts = encodeEvents(events);
    const result = this.table.append(
      stream,
      expectedVersion,
      events.map((event) => event.type),
      texts,
    );
    this.subscriptions.deliverNew();
    return result;
  }

  readStream(stream: string, fromVersion = 1, maxCount?: number): RecordedEvent[] {
    checkOpen(this.closed, "readStream");
    checkStream(stream);
    checkFromVersion(fromVersion);
    checkMaxCount(maxCount);
    return this.table.readStream(stream, fromVersion, maxCount);
  }

  readAll(fromPosition = 1, maxCount?: number): RecordedEvent[] {
    checkOpen(this.closed, "readAll");
    checkFromPosition(fromPosition);
    checkMaxCount(maxCount);
    return this.table.readAll(fromPosition, maxCount);
  }

  streamVersion(stream: string): number {
    checkOpen(this.closed, "streamVersion");
    checkStream(stream);
    return this.table.version(stream);
  }

  headPosition(): number {
    checkOpen(this.closed, "headPosition");
    return this.table.headPosition();
  }

  subscribe(fromPosition: number, handler: EventHandler): Subscription {
    checkOpen(this.closed, "subscribe");
    checkFromPosition(fromPosition);
    checkHandler(handler);
    return this.subscriptions.subscribe(fromPosition, handler);
  }

  /** Closing twice is harmless: no subscription is left open, and better-sqlite3 closes once. */
  close(): void {
    this.closed = true;
    this.subscriptions.closeAll();
    this.table.close();
  }
}
