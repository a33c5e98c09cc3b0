/**
 * The mistake: a media that fails for good is only marked failed. The variants its attempts stored
 * stay in the object store, where nothing points at them any more: orphans, paid for forever, and
 * (after a user's delete) still holding their photo.
 */
import type { MediaRecord } from "../../src/media-record";
import type { ObjectStore } from "../../src/object-store";
import type { Publish } from "../../src/transitions";

export { markProcessing, markReady, markRetrying, type Publish } from "../../src/transitions";

export function markFailed(record: MediaRecord, error: string, _store: ObjectStore, publish: Publish): void {
  record.state = "failed";
  record.error = error;
  publish({ type: "failed", id: record.original.id, attempts: record.attempts, error });
}
