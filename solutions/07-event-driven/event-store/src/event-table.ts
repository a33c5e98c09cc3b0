import Database from "better-sqlite3";
import { WrongExpectedVersionError } from "./errors";
import type { AppendResult, RecordedEvent } from "./events";
import { EVENTS_TABLE } from "./schema";

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

/**
 * A UNIQUE constraint refused an insert. Read by its code, not by `instanceof Database.SqliteError`:
 * better-sqlite3 registers its error class once per process, so where modules are loaded more than
 * once (jest loads them afresh for every test file) the class thrown may not be the one imported.
 */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * The events table of one connection: every statement prepared once, arguments already checked.
 *
 * WAL mode with synchronous = NORMAL: a commit appends to the write-ahead log without waiting for
 * the disk, readers never block the writer, and a crash of the process loses nothing committed (a
 * power cut can lose the last commits since the log was last synced, never corrupt the file).
 */
export class EventTable {
  protected readonly db: Database.Database;
  protected readonly versionOf: Database.Statement<[string], number | null>;
  protected readonly insert: Database.Statement<[string, number, string, string]>;
  private readonly streamFrom: Database.Statement<[string, number, number], EventRow>;
  private readonly allFrom: Database.Statement<[number, number], EventRow>;
  private readonly head: Database.Statement<[], number | null>;
  private readonly appendBatch: Database.Transaction<
    (stream: string, expectedVersion: number, types: readonly string[], texts: readonly string[]) => AppendResult
  >;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(EVENTS_TABLE);
    this.versionOf = this.db
      .prepare<[string], number | null>("SELECT max(version) FROM events WHERE stream = ?")
      .pluck();
    this.insert = this.db.prepare("INSERT INTO events (stream, version, type, data) VALUES (?, ?, ?, ?)");
    this.streamFrom = this.db.prepare<[string, number, number], EventRow>(
      "SELECT position, stream, version, type, data FROM events WHERE stream = ? AND version >= ? ORDER BY version LIMIT ?",
    );
    this.allFrom = this.db.prepare<[number, number], EventRow>(
      "SELECT position, stream, version, type, data FROM events WHERE position >= ? ORDER BY position LIMIT ?",
    );
    this.head = this.db.prepare<[], number | null>("SELECT max(position) FROM events").pluck();
    // One transaction per append, whatever its size: one commit, and all or nothing.
    this.appendBatch = this.db.transaction((stream, expectedVersion, types, texts) => {
      const actual = this.version(stream);
      if (actual !== expectedVersion) throw new WrongExpectedVersionError(stream, expectedVersion, actual);
      let position = 0;
      for (let i = 0; i < texts.length; i++) {
        position = Number(
          this.insert.run(stream, actual + i + 1, types[i] as string, texts[i] as string).lastInsertRowid,
        );
      }
      return { version: actual + texts.length, position };
    });
  }

  /** The stream's version in the database: its last event's version, 0 for none. */
  version(stream: string): number {
    return this.versionOf.get(stream) ?? 0;
  }

  headPosition(): number {
    return this.head.get() ?? 0;
  }

  /**
   * Checks the version and inserts the events in one IMMEDIATE transaction: the write lock is
   * taken before the version is read, so no other connection writes in between.
   */
  append(stream: string, expectedVersion: number, types: readonly string[], texts: readonly string[]): AppendResult {
    try {
      return this.appendBatch.immediate(stream, expectedVersion, types, texts);
    } catch (error) {
      // Another writer got an event in at one of these versions first: the same conflict.
      if (isUniqueViolation(error)) throw new WrongExpectedVersionError(stream, expectedVersion, this.version(stream));
      throw error;
    }
  }

  /** maxCount undefined: all (SQLite's LIMIT -1). */
  readStream(stream: string, fromVersion: number, maxCount: number | undefined): RecordedEvent[] {
    return this.streamFrom.all(stream, fromVersion, maxCount ?? -1).map(recorded);
  }

  readAll(fromPosition: number, maxCount: number | undefined): RecordedEvent[] {
    return this.allFrom.all(fromPosition, maxCount ?? -1).map(recorded);
  }

  close(): void {
    this.db.close();
  }
}
