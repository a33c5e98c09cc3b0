import { notImplemented } from "#kata";
import Database from "better-sqlite3";
import { EventStoreError, WrongExpectedVersionError } from "./errors";
import type { AppendResult, EventHandler, EventStore, NewEvent, RecordedEvent, Subscription } from "./events";
// Database, EventStoreError and WrongExpectedVersionError are what the finished store is built from.

/**
 * The event store in a SQLite file, through better-sqlite3: it survives close and reopen, and
 * several connections (several SqliteEventStore objects, several processes) may share one file.
 *
 * The file holds one table, which other programs (a projection, a backup, the tests) read:
 *
 *   events(position INTEGER PRIMARY KEY,  -- the global position: 1, 2, 3, ...
 *          stream   TEXT NOT NULL,
 *          version  INTEGER NOT NULL,      -- 1, 2, 3, ... within the stream
 *          type     TEXT NOT NULL,
 *          data     TEXT NOT NULL,         -- JSON.stringify(event.data)
 *          UNIQUE (stream, version))       -- the database itself refuses a second writer
 *
 * An append checks the stream's version and inserts its events in one transaction, so it is
 * stored whole or not at all, and the check reads the database, not something remembered: another
 * connection may have written since. If two writers still race past the check, the UNIQUE
 * constraint refuses the second insert, and that is reported as WrongExpectedVersionError too.
 */
export class SqliteEventStore implements EventStore {
  /**
   * Opens (creating if needed) the database file at `file`, and its table.
   * @throws EventStoreError INVALID_FILE for an empty or non-string path, and for ":memory:".
   */
  constructor(file: string) {
    notImplemented(`new SqliteEventStore(${JSON.stringify(file)})`);
  }

  /** See EventStore.append. */
  append(stream: string, expectedVersion: number, events: readonly NewEvent[]): AppendResult {
    return notImplemented(`SqliteEventStore.append(${JSON.stringify(stream)}, ${expectedVersion}, ...)`);
  }

  /** See EventStore.readStream. */
  readStream(stream: string, fromVersion = 1, maxCount?: number): RecordedEvent[] {
    return notImplemented(`SqliteEventStore.readStream(${JSON.stringify(stream)}, ${fromVersion}, ${maxCount})`);
  }

  /** See EventStore.readAll. */
  readAll(fromPosition = 1, maxCount?: number): RecordedEvent[] {
    return notImplemented(`SqliteEventStore.readAll(${fromPosition}, ${maxCount})`);
  }

  /** See EventStore.streamVersion. */
  streamVersion(stream: string): number {
    return notImplemented(`SqliteEventStore.streamVersion(${JSON.stringify(stream)})`);
  }

  /** See EventStore.headPosition. */
  headPosition(): number {
    return notImplemented("SqliteEventStore.headPosition");
  }

  /**
   * See EventStore.subscribe. Live delivery follows appends made through this object; events
   * another connection appends reach the subscription at the next append made through this one.
   */
  subscribe(fromPosition: number, handler: EventHandler): Subscription {
    return notImplemented(`SqliteEventStore.subscribe(${fromPosition}, ${typeof handler})`);
  }

  /** Closes the store's subscriptions and its connection; the file stays. */
  close(): void {
    notImplemented("SqliteEventStore.close");
  }
}
