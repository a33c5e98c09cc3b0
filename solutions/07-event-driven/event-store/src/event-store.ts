import Database from "better-sqlite3";
import { EventStoreError } from "./errors";

/** TODO(kata new): the API of the exercise, with doc comments that teach it. Its state lives in a SQLite file. */
export class EventStore {
  private readonly db: Database.Database;

  /** Opens the database file at `file`, creating it and its table on first use. */
  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.exec("CREATE TABLE IF NOT EXISTS items (value TEXT NOT NULL)"); // TODO(kata new): the reference
  }

  /**
   * TODO(kata new): one write.
   * @throws EventStoreError INVALID_INPUT for an empty value.
   */
  add(value: string): void {
    if (value === "") throw new EventStoreError("INVALID_INPUT", "add() needs a non-empty value");
    this.db.prepare("INSERT INTO items (value) VALUES (?)").run(value);
  }

  /** TODO(kata new): one read. */
  count(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM items").get() as { n: number }).n;
  }

  /** Closes the connection; the file stays. */
  close(): void {
    this.db.close();
  }
}
