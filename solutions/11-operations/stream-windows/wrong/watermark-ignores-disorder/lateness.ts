export { cleanupTime } from "../../src/lateness";

/** Wrong: the watermark is the latest event time itself, so any event out of order is late. */
export function nextWatermark(current: number, eventTime: number, _maxOutOfOrderness: number): number {
  return Math.max(current, eventTime);
}
