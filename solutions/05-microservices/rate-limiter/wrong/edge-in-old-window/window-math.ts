/**
 * The mistake: windows are (k x W, (k + 1) x W], closed at the end, as a rollover test written
 * `now - windowStart > W` makes them. A request at exactly the edge instant is counted in the
 * window that ends there instead of the one that starts there, so it stops weighing in full for
 * the next W ms: a client gets extra requests by aiming at the edge.
 */
export { NO_COUNTS, estimateTimesW, msUntilAllowed, rollForward, type WindowCounts } from "../../src/window-math";

export function windowAt(now: number, windowMs: number): { index: number; elapsed: number } {
  const index = Math.ceil(now / windowMs) - 1;
  return { index, elapsed: now - index * windowMs };
}
