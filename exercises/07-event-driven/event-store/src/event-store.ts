import { notImplemented } from "#kata";
import { EventStoreError } from "./errors";

/** TODO(kata new): the API of the exercise, with doc comments that teach it. Its state lives in a SQLite file. */
export class EventStore {
  /** Opens the database file at `file`, creating it and its table on first use. */
  constructor(file: string) {
    notImplemented(`new EventStore(${file})`);
  }

  /**
   * TODO(kata new): one write.
   * @throws EventStoreError INVALID_INPUT for an empty value.
   */
  add(value: string): void {
    notImplemented("EventStore.add");
  }

  /** TODO(kata new): one read. */
  count(): number {
    return notImplemented("EventStore.count");
  }

  /** Closes the connection; the file stays. */
  close(): void {
    notImplemented("EventStore.close");
  }
}
