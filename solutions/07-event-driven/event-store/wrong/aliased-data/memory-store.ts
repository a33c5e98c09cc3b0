/**
 * Wrong: the store keeps the caller's data objects and hands the same objects to every reader, so
 * whoever changes one later rewrites history.
 */
import type { AppendResult, JsonValue, NewEvent, RecordedEvent } from "../../src/events";
import { InMemoryEventStore as Reference } from "../../src/memory-store";

export class InMemoryEventStore extends Reference {
  private readonly objects: JsonValue[] = [];

  override append(stream: string, expectedVersion: number, events: readonly NewEvent[]): AppendResult {
    const result = super.append(stream, expectedVersion, events);
    for (const event of events) this.objects.push(event.data);
    return result;
  }

  override readStream(stream: string, fromVersion = 1, maxCount?: number): RecordedEvent[] {
    return super
      .readStream(stream, fromVersion, maxCount)
      .map((e) => ({ ...e, data: this.objects[e.position - 1] ?? null }));
  }

  override readAll(fromPosition = 1, maxCount?: number): RecordedEvent[] {
    return super.readAll(fromPosition, maxCount).map((e) => ({ ...e, data: this.objects[e.position - 1] ?? null }));
  }
}
