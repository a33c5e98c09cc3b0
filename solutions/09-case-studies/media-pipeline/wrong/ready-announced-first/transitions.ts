/**
 * The mistake: "ready" is published first and the record updated after, the order a handler falls
 * into when it fires the event as soon as the last variant is stored. A listener (the feed service)
 * that reads the media on "ready" finds it still processing.
 */
import type { MediaRecord } from "../../src/media-record";
import type { Publish } from "../../src/transitions";

export { markFailed, markProcessing, markRetrying, type Publish } from "../../src/transitions";

export function markReady(record: MediaRecord, publish: Publish): void {
  publish({ type: "ready", id: record.original.id });
  record.state = "ready";
  record.error = undefined;
}
