import { WrongExpectedVersionError } from "./errors";
import type { AppendResult, EventHandler, EventStore, NewEvent, RecordedEvent, Subscription } from "./events";
import { Subscriptions } from "./subscriptions";
import * as validate from "./validate";

const { checkExpectedVersion, checkFromPosition, checkFromVersion, checkHandler, checkMaxCount, checkOpen } = validate;
const { checkStream, encodeEvents } = validate;

/** An event as kept here: its data as JSON text, as a database would keep it. */
export interface StoredEvent {
  readonly stream: string;
  readonly version: number;
  readonly position: number;
  readonly type: string;
  readonly text: string;
}

export function recorded(event: StoredEvent): RecordedEvent {
  return {
    stream: event.stream,
    version: event.version,
    position: event.position,
    type: event.type,
    data: JSON.parse(event.text) as RecordedEvent["data"],
  };
}

/** The events from index `from` on, at most maxCount of them, as fresh copies. */
function slice(events: readonly StoredEvent[], from: number, maxCount: number | undefined): RecordedEvent[] {
  const end = maxCount === undefined ? events.length : Math.min(events.length, from + maxCount);
  const out: RecordedEvent[] = [];
  for (let i = from; i < end; i++) out.push(recorded(events[i] as StoredEvent));
  return out;
}

/**
 * The event store in memory: one array for the global log (index = position - 1) and one per
 * stream (index = version - 1), sharing the same stored events. Check and write run with no
 * await between them, so no other append can come in between in a single-threaded process.
 */
export class InMemoryEventStore implements EventStore {
  protected readonly log: StoredEvent[] = [];
  protected readonly streams = new Map<string, StoredEvent[]>();
  protected readonly subscriptions = new Subscriptions((from, maxCount) => this.readAll(from, maxCount));
  protected closed = false;

  append(stream: string, expectedVersion: number, events: readonly NewEvent[]): AppendResult {
    checkOpen(this.closed, "append");
    checkStream(stream);
    checkExpectedVersion(expectedVersion);
    const texts = encodeEvents(events);
    let own = this.streams.get(stream);
    const actual = own === undefined ? 0 : own.length;
    if (actual !== expectedVersion) throw new WrongExpectedVersionError(stream, expectedVersion, actual);
    if (own === undefined) {
      own = [];
      this.streams.set(stream, own);
    }
    for (let i = 0; i < texts.length; i++) {
      const event: StoredEvent = {
        stream,
        version: actual + i + 1,
        position: this.log.length + 1,
        type: (events[i] as NewEvent).type,
        text: texts[i] as string,
      };
      own.push(event);
      this.log.push(event);
    }
    this.subscriptions.deliverNew();
    return { version: own.length, position: this.log.length };
  }

  readStream(stream: string, fromVersion = 1, maxCount?: number): RecordedEvent[] {
    checkOpen(this.closed, "readStream");
    checkStream(stream);
    checkFromVersion(fromVersion);
    checkMaxCount(maxCount);
    return slice(this.streams.get(stream) ?? [], fromVersion - 1, maxCount);
  }

  readAll(fromPosition = 1, maxCount?: number): RecordedEvent[] {
    checkOpen(this.closed, "readAll");
    checkFromPosition(fromPosition);
    checkMaxCount(maxCount);
    return slice(this.log, fromPosition - 1, maxCount);
  }

  streamVersion(stream: string): number {
    checkOpen(this.closed, "streamVersion");
    checkStream(stream);
    return this.streams.get(stream)?.length ?? 0;
  }

  headPosition(): number {
    checkOpen(this.closed, "headPosition");
    return this.log.length;
  }

  subscribe(fromPosition: number, handler: EventHandler): Subscription {
    checkOpen(this.closed, "subscribe");
    checkFromPosition(fromPosition);
    checkHandler(handler);
    return this.subscriptions.subscribe(fromPosition, handler);
  }

  /** Closing twice is harmless: no subscription is left open to close again. */
  close(): void {
    this.closed = true;
    this.subscriptions.closeAll();
  }
}
