/**
 * Wrong: positions come from a counter that is advanced before the version check, so a refused
 * append uses up positions and leaves a gap in the global order (as a database sequence does).
 */
import { WrongExpectedVersionError } from "../../src/errors";
import type { AppendResult, NewEvent } from "../../src/events";
import { InMemoryEventStore as Reference, type StoredEvent } from "../../src/memory-store";
import { checkExpectedVersion, checkOpen, checkStream, encodeEvents } from "../../src/validate";

export class InMemoryEventStore extends Reference {
  private nextPosition = 1;

  override append(stream: string, expectedVersion: number, events: readonly NewEvent[]): AppendResult {
    checkOpen(this.closed, "append");
    checkStream(stream);
    checkExpectedVersion(expectedVersion);
    const texts = encodeEvents(events);
    const first = this.nextPosition;
    this.nextPosition += texts.length;
    const own = this.streams.get(stream) ?? [];
    if (own.length !== expectedVersion) throw new WrongExpectedVersionError(stream, expectedVersion, own.length);
    texts.forEach((text, i) => {
      const event: StoredEvent = {
        stream,
        version: own.length + 1,
        position: first + i,
        type: events[i]?.type ?? "",
        text,
      };
      own.push(event);
      this.log.push(event);
    });
    this.streams.set(stream, own);
    this.subscriptions.deliverNew();
    return { version: own.length, position: first + texts.length - 1 };
  }
}
