/**
 * Wrong: the check refuses only an expected version behind the stream (expected < actual), so a
 * writer that expects a version ahead of it appends there, and the versions in between are missing.
 */
import { WrongExpectedVersionError } from "../../src/errors";
import type { AppendResult, NewEvent } from "../../src/events";
import { InMemoryEventStore as Reference, type StoredEvent } from "../../src/memory-store";
import { checkExpectedVersion, checkOpen, checkStream, encodeEvents } from "../../src/validate";

export class InMemoryEventStore extends Reference {
  override append(stream: string, expectedVersion: number, events: readonly NewEvent[]): AppendResult {
    checkOpen(this.closed, "append");
    checkStream(stream);
    checkExpectedVersion(expectedVersion);
    const texts = encodeEvents(events);
    const own = this.streams.get(stream) ?? [];
    if (expectedVersion < own.length) throw new WrongExpectedVersionError(stream, expectedVersion, own.length);
    texts.forEach((text, i) => {
      const position = this.log.length + 1;
      const event: StoredEvent = {
        stream,
        version: expectedVersion + i + 1,
        position,
        type: events[i]?.type ?? "",
        text,
      };
      own.push(event);
      this.log.push(event);
    });
    this.streams.set(stream, own);
    this.subscriptions.deliverNew();
    return { version: expectedVersion + texts.length, position: this.log.length };
  }
}
