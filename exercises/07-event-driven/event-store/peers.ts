/**
 * The floor under this exercise's API, for `kata bench event-store` to show beside the reference
 * (given code): better-sqlite3 on the same table, WAL and synchronous = NORMAL like the reference,
 * statements prepared once, and an append that inserts its rows in one transaction without
 * reading the stream's version first. Not an event store (it never refuses a stale writer and
 * has no subscriptions): it shows what the version check and the rest cost on top of the inserts.
 */
import Database from "better-sqlite3";
import type * as StoreModule from "./src/event-store";
import type { AppendResult, NewEvent, RecordedEvent } from "./src/event-store";

export type StoreApi = Pick<typeof StoreModule, "SqliteEventStore">;

interface EventRow {
  position: number;
  stream: string;
  version: number;
  type: string;
  data: string;
}

class PlainInserts {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, number, string, string]>;
  private readonly byStream: Database.Statement<[string, number, number], EventRow>;
  private readonly appendRows: (stream: string, expectedVersion: number, events: readonly NewEvent[]) => AppendResult;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`CREATE TABLE IF NOT EXISTS events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL,
      version INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (stream, version))`);
    this.insert = this.db.prepare("INSERT INTO events (stream, version, type, data) VALUES (?, ?, ?, ?)");
    this.byStream = this.db.prepare<[string, number, number], EventRow>(
      "SELECT position, stream, version, type, data FROM events WHERE stream = ? AND version >= ? ORDER BY version LIMIT ?",
    );
    this.appendRows = this.db.transaction((stream: string, expectedVersion: number, events: readonly NewEvent[]) => {
      let position = 0;
      events.forEach((event, i) => {
        const run = this.insert.run(stream, expectedVersion + i + 1, event.type, JSON.stringify(event.data));
        position = Number(run.lastInsertRowid);
      });
      return { version: expectedVersion + events.length, position };
    });
  }

  append(stream: string, expectedVersion: number, events: readonly NewEvent[]): AppendResult {
    return this.appendRows(stream, expectedVersion, events);
  }

  readStream(stream: string, fromVersion = 1, maxCount?: number): RecordedEvent[] {
    return this.byStream
      .all(stream, fromVersion, maxCount ?? -1)
      .map((row) => ({ ...row, data: JSON.parse(row.data) as RecordedEvent["data"] }));
  }
}

export const plainInserts: StoreApi = { SqliteEventStore: PlainInserts as unknown as StoreApi["SqliteEventStore"] };
