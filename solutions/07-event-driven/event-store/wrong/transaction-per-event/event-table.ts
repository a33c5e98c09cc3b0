/**
 * Wrong: the version is checked once, then each event is inserted on its own (autocommit: one
 * transaction per event). A failure at the second event leaves the first one stored.
 */
import { WrongExpectedVersionError } from "../../src/errors";
import type { AppendResult } from "../../src/events";
import { EventTable as Reference } from "../../src/event-table";

export class EventTable extends Reference {
  override append(
    stream: string,
    expectedVersion: number,
    types: readonly string[],
    texts: readonly string[],
  ): AppendResult {
    const actual = this.version(stream);
    if (actual !== expectedVersion) throw new WrongExpectedVersionError(stream, expectedVersion, actual);
    let position = 0;
    for (let i = 0; i < texts.length; i++) {
      try {
        position = Number(
          this.insert.run(stream, actual + i + 1, types[i] as string, texts[i] as string).lastInsertRowid,
        );
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code === "SQLITE_CONSTRAINT_UNIQUE") {
          throw new WrongExpectedVersionError(stream, expectedVersion, this.version(stream));
        }
        throw error;
      }
    }
    return { version: actual + texts.length, position };
  }
}
