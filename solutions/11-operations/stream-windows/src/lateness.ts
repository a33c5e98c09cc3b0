/**
 * When a window's state may go: once the watermark has passed its end by the allowed lateness.
 * Until then a late event still updates it; after, it is gone and the event is too late.
 */
export function cleanupTime(end: number, allowedLateness: number): number {
  return end + allowedLateness;
}

/** The watermark: the latest event time seen, minus the disorder the stream is allowed. */
export function nextWatermark(current: number, eventTime: number, maxOutOfOrderness: number): number {
  return Math.max(current, eventTime - maxOutOfOrderness);
}
