/**
 * The media's state machine. Each transition first brings the record (and the store) to the new
 * state, and only then announces it: a listener that reacts to "ready" by reading the status must
 * find the variants there.
 *
 *   queued -> processing -> ready
 *                        -> retrying -> processing -> ...
 *                        -> failed (after maxAttempts attempts)
 */
import type { MediaRecord } from "./media-record";
import type { ObjectStore } from "./object-store";
import type { MediaEvent } from "./options";

export type Publish = (event: MediaEvent) => void;

export function markProcessing(record: MediaRecord): void {
  record.state = "processing";
  record.attempts += 1;
  record.nextAttemptAt = undefined;
}

export function markReady(record: MediaRecord, publish: Publish): void {
  record.state = "ready";
  record.error = undefined;
  publish({ type: "ready", id: record.original.id });
}

export function markRetrying(record: MediaRecord, error: string, at: number, publish: Publish): void {
  record.state = "retrying";
  record.error = error;
  record.nextAttemptAt = at;
  publish({ type: "retrying", id: record.original.id, attempt: record.attempts, nextAttemptAt: at, error });
}

/** Failed for good: the variants it stored are removed, so no object outlives its record's claim to it. */
export function markFailed(record: MediaRecord, error: string, store: ObjectStore, publish: Publish): void {
  for (const variant of record.variants) store.delete(variant.key);
  record.variants = [];
  record.state = "failed";
  record.error = error;
  publish({ type: "failed", id: record.original.id, attempts: record.attempts, error });
}
