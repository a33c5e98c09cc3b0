import Database from "better-sqlite3";
import { EventStoreError, WrongExpectedVersionError } from "./errors";
import type { AppendResult, EventHandler, EventStore, NewEvent, RecordedEvent, Subscription } from "./events";
import { Subscriptions } from "./subscriptions";
import * as validate from "./validate";

const { checkExpectedVersion, checkFromPosition, checkFromVersion, checkHandler, checkMaxCount, checkOpen } = validate;
const { checkStream, encodeEvents } = validate;

/**
 * The one table. `position` is the rowid: SQLite hands out max + 1 under its single writer lock,
 * so positions are gapless and in commit order (a refused insert rolls back and takes none).
 * UNIQUE (stream, version) makes the database refuse a second event at one version whoever
 * writes it, and its index serves every stream read and version check.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY,
    stream   TEXT NOT NULL,
    version  INTEGER NOT NULL,
    type     TEXT NOT NULL,
    data     TEXT NOT NULL,
    UNIQUE (stream, version)
  )`;

interface EventRow {
  position: number;
  stream: string;
  version: number;
  type: string;
  data: string;
}

function recorded(row: EventRow): RecordedEvent {
  return {
    stream: row.stream,
    version: row.version,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as RecordedEvent["data"],
  };
}

/** SQLite's LIMIT: -1 reads everything. */
function limitOf(maxCount: number | undefined): number {
  return maxCount ?? -1;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * The event store in a SQLite file. WAL mode with synchronous = NORMAL: a commit appends to the
 * write-ahead log without waiting for the disk, readers never block the writer, and a crash of
 * the process loses nothing committed (a power cut can lose the last commits since the log was
 * last synced, never corrupt the file). Every statement is prepared once, and an append is one
 * IMMEDIATE transaction: the write lock is taken before the version is read, so no other
 * connection can write between the check and the inserts.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly versionOf: Database.Statement<[string], number | null>;
  private readonly insert: Database.Statement<[string, number, string, string]>;
  private readonly streamFrom: Database.Statement<[string, number, number], EventRow>;
  private readonly allFrom: Database.Statement<[number, number], EventRow>;
  private readonly head: Database.Statement<[], number | null>;
  private readonly appendBatch: Database.Transaction<
    (stream: string, expectedVersion: number, events: readonly NewEvent[], texts: string[]) => AppendResult
  >;
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
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(SCHEMA);
    this.versionOf = this.db.prepare<[string], number | null>("SELECT max(version) FROM events WHERE stream = ?").pluck();
    this.insert = this.db.prepare("INSERT INTO events (stream, version, type, data) VALUES (?, ?, ?, ?)");
    this.streamFrom = this.db.prepare<[string, number, number], EventRow>(
      "SELECT position, stream, version, type, data FROM events WHERE stream = ? AND version >= ? ORDER BY version LIMIT ?",
    );
    this.allFrom = this.db.prepare<[number, number], EventRow>(
      "SELECT position, stream, version, type, data FROM events WHERE position >= ? ORDER BY position LIMIT ?",
    );
    this.head = this.db.prepare<[], number | null>("SELECT max(position) FROM events").pluck();
    this.appendBatch = this.db.transaction((stream, expectedVersion, events, texts) => {
      const actual = this.versionOf.get(stream) ?? 0;
      if (actual !== expectedVersion) throw new WrongExpectedVersionError(stream, expectedVersion, actual);
      let position = 0;
      for (let i = 0; i < texts.length; i++) {
        const type = (events[i] as NewEvent).type;
        position = Number(this.insert.run(stream, actual + i + 1, type, texts[i] as string).lastInsertRowid);
      }
      return { version: actual + texts.length, position };
    });
  }

  append(stream: string, expectedVersion: number, events: readonly NewEvent[]): AppendResult {
    checkOpen(this.closed, "append");
    checkStream(stream);
    checkExpectedVersion(expectedVersion);
    const texts = encodeEvents(events);
    let result: AppendResult;
    try {
      result = this.appendBatch.immediate(stream, expectedVersion, events, texts);
    } catch (error) {
      // Another writer got an event in at one of these versions first: the same conflict.
      if (isUniqueViolation(error)) {
        throw new WrongExpectedVersionError(stream, expectedVersion, this.versionOf.get(stream) ?? 0);
      }
      throw error;
    }
    this.subscriptions.deliverNew();
    return result;
  }

  readStream(stream: string, fromVersion = 1, maxCount?: number): RecordedEvent[] {
    checkOpen(this.closed, "readStream");
    checkStream(stream);
    checkFromVersion(fromVersion);
    checkMaxCount(maxCount);
    return this.streamFrom.all(stream, fromVersion, limitOf(maxCount)).map(recorded);
  }

  readAll(fromPosition = 1, maxCount?: number): RecordedEvent[] {
    checkOpen(this.closed, "readAll");
    checkFromPosition(fromPosition);
    checkMaxCount(maxCount);
    return this.allFrom.all(fromPosition, limitOf(maxCount)).map(recorded);
  }

  streamVersion(stream: string): number {
    checkOpen(this.closed, "streamVersion");
    checkStream(stream);
    return this.versionOf.get(stream) ?? 0;
  }

  headPosition(): number {
    checkOpen(this.closed, "headPosition");
    return this.head.get() ?? 0;
  }

  subscribe(fromPosition: number, handler: EventHandler): Subscription {
    checkOpen(this.closed, "subscribe");
    checkFromPosition(fromPosition);
    checkHandler(handler);
    return this.subscriptions.subscribe(fromPosition, handler);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.subscriptions.closeAll();
    this.db.close();
  }
}
