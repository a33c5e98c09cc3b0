/**
 * The mistake: on entering a new window, `previous = current`, always, even when a whole window
 * went by with no request. The count of two windows ago then weighs as if it were the last
 * window's, and a client that came back after a quiet window is refused for requests it made
 * more than W ago (unless a sweep happened to forget it in between).
 */
import type { WindowCounts } from "../../src/window-math";

export { NO_COUNTS, estimateTimesW, msUntilAllowed, windowAt, type WindowCounts } from "../../src/window-math";

export function rollForward(counts: WindowCounts, index: number): WindowCounts {
  return index === counts.window ? counts : { window: index, previous: counts.current, current: 0 };
}
