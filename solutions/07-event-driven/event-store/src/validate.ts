/**
 * The argument checks both backends share, so they refuse exactly the same calls with the same
 * codes, before touching anything.
 */
import { EventStoreError } from "./errors";
import type { NewEvent } from "./events";

function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return String(value); // NaN and Infinity as themselves, not null
  if (typeof value === "function") return "a function";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function isIntegerFrom(value: unknown, least: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= least;
}

export function checkStream(stream: unknown): void {
  if (typeof stream !== "string" || stream === "") {
    throw new EventStoreError("INVALID_STREAM", `a stream id is a non-empty string ("order-7"), got ${shown(stream)}`);
  }
}

export function checkExpectedVersion(expectedVersion: unknown): void {
  if (!isIntegerFrom(expectedVersion, 0)) {
    throw new EventStoreError(
      "INVALID_EXPECTED_VERSION",
      `expectedVersion is an integer >= 0 (0 for a stream with no events, else the version you read), got ${shown(expectedVersion)}`,
    );
  }
}

/** Checks the batch and returns each event's data as the JSON text to store. */
export function encodeEvents(events: unknown): string[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new EventStoreError(
      "INVALID_EVENTS",
      `append takes a non-empty array of events ({ type, data }), got ${Array.isArray(events) ? "[]" : shown(events)}`,
    );
  }
  const texts: string[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Partial<NewEvent> | null | undefined;
    if (typeof event?.type !== "string" || event.type === "") {
      throw new EventStoreError(
        "INVALID_EVENT",
        `event ${i} needs a type, a non-empty string ("OrderPlaced"), got ${shown(event?.type)}; nothing was appended`,
      );
    }
    let text: string | undefined;
    try {
      text = JSON.stringify(event.data);
    } catch (error) {
      throw new EventStoreError(
        "INVALID_EVENT",
        `event ${i} (${event.type}): its data cannot be stored as JSON (${(error as Error).message}); nothing was appended`,
      );
    }
    if (text === undefined) {
      throw new EventStoreError(
        "INVALID_EVENT",
        `event ${i} (${event.type}): its data must be a JSON value (null, a number, a string, an array, an object), got ${shown(event.data)}; nothing was appended`,
      );
    }
    texts.push(text);
  }
  return texts;
}

export function checkFromVersion(fromVersion: unknown): void {
  if (!isIntegerFrom(fromVersion, 1)) {
    throw new EventStoreError(
      "INVALID_VERSION",
      `fromVersion is an integer >= 1 (a stream's first event is version 1), got ${shown(fromVersion)}`,
    );
  }
}

export function checkFromPosition(fromPosition: unknown): void {
  if (!isIntegerFrom(fromPosition, 1)) {
    throw new EventStoreError(
      "INVALID_POSITION",
      `fromPosition is an integer >= 1 (the first event is at position 1), got ${shown(fromPosition)}`,
    );
  }
}

/** maxCount as a limit: undefined means no limit. */
export function checkMaxCount(maxCount: unknown): void {
  if (maxCount !== undefined && !isIntegerFrom(maxCount, 1)) {
    throw new EventStoreError(
      "INVALID_COUNT",
      `maxCount is an integer >= 1, or left out to read everything, got ${shown(maxCount)}`,
    );
  }
}

export function checkHandler(handler: unknown): void {
  if (typeof handler !== "function") {
    throw new EventStoreError("INVALID_HANDLER", `subscribe needs a handler function, got ${shown(handler)}`);
  }
}

export function checkOpen(closed: boolean, call: string): void {
  if (closed) {
    throw new EventStoreError("CLOSED", `${call} on a closed event store: open a new one on the same database`);
  }
}
