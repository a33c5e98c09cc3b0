/**
 * Wrong: readStream returns the events after fromVersion (version > fromVersion), as a query
 * written with "WHERE version > ?" does, so the event at fromVersion itself is skipped.
 */
import type { RecordedEvent } from "../../src/events";
import { InMemoryEventStore as Reference } from "../../src/memory-store";
import { checkMaxCount } from "../../src/validate";

export class InMemoryEventStore extends Reference {
  override readStream(stream: string, fromVersion = 1, maxCount?: number): RecordedEvent[] {
    checkMaxCount(maxCount);
    const all = super
      .readStream(stream, fromVersion, undefined)
      .filter((e) => e.version > fromVersion || fromVersion === 1);
    return maxCount === undefined ? all : all.slice(0, maxCount);
  }
}
