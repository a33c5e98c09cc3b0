/**
 * Correct but slow: the events table as a first version is written. SQLite's defaults (a rollback
 * journal, synchronous = FULL), so every commit creates, syncs and deletes a journal file and waits
 * for the disk more than once; and every statement is prepared again on every call. An append is
 * still one transaction with the version check inside it, so every test passes; the bench appends
 * one event per call, which here costs one such commit per event.
 */
import Database from "better-sqlite3";
import { WrongExpectedVersionError } from "../src/errors";
import type { AppendResult, RecordedEvent } from "../src/events";
import { EVENTS_TABLE } from "../src/schema";

interface EventRow {
  position: number;
  stream: string;
  version: number;
  type: string;
  data: string;
}

function recorded(row: EventRow): RecordedEvent {
  return { ...row, data: JSON.parse(row.data) as RecordedEvent["data"] };
}

export class EventTable {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.exec(EVENTS_TABLE);
  }

  version(stream: string): number {
    return (
      (this.db.prepare("SELECT max(version) FROM events WHERE stream = ?").pluck().get(stream) as number | null) ?? 0
    );
  }

  headPosition(): number {
    return (this.db.prepare("SELECT max(position) FROM events").pluck().get() as number | null) ?? 0;
  }

  append(stream: string, expectedVersion: number, types: readonly string[], texts: readonly string[]): AppendResult {
    const appendAll = this.db.transaction((): AppendResult => {
      const actual = this.version(stream);
      if (actual !== expectedVersion) throw new WrongExpectedVersionError(stream, expectedVersion, actual);
      let position = 0;
      texts.forEach((text, i) => {
        const insert = this.db.prepare("INSERT INTO events (stream, version, type, data) VALUES (?, ?, ?, ?)");
        position = Number(insert.run(stream, actual + i + 1, types[i], text).lastInsertRowid);
      });
      return { version: actual + texts.length, position };
    });
    try {
      return appendAll.immediate();
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === "SQLITE_CONSTRAINT_UNIQUE") {
        throw new WrongExpectedVersionError(stream, expectedVersion, this.version(stream));
      }
      throw error;
    }
  }

  readStream(stream: string, fromVersion: number, maxCount: number | undefined): RecordedEvent[] {
    const rows = this.db
      .prepare("SELECT * FROM events WHERE stream = ? AND version >= ? ORDER BY version LIMIT ?")
      .all(stream, fromVersion, maxCount ?? -1) as EventRow[];
    return rows.map(recorded);
  }

  readAll(fromPosition: number, maxCount: number | undefined): RecordedEvent[] {
    const rows = this.db
      .prepare("SELECT * FROM events WHERE position >= ? ORDER BY position LIMIT ?")
      .all(fromPosition, maxCount ?? -1) as EventRow[];
    return rows.map(recorded);
  }

  close(): void {
    this.db.close();
  }
}
