import type { Limit } from "./types";

/**
 * The sliding-window counter's arithmetic (as Cloudflare's), as pure functions. Windows are fixed,
 * [k x W, (k + 1) x W), aligned to the clock's zero; `previous` and `current` count the allowed
 * requests of windows k - 1 and k, and the requests of the last W ms are estimated as
 *   previous x (W - elapsed) / W + current.
 * Everything is kept in request-milliseconds (the estimate times W): with an integer clock nothing
 * is ever rounded, so a decision on the exact millisecond of a window edge is the same everywhere.
 */
export interface WindowCounts {
  /** k: these counts are for the window [k x W, (k + 1) x W). */
  readonly window: number;
  readonly previous: number;
  readonly current: number;
}

/** A client never seen: no window, nothing counted. */
export const NO_COUNTS: WindowCounts = { window: Number.NEGATIVE_INFINITY, previous: 0, current: 0 };

/** The window `now` falls in and how far into it. A request at exactly (k + 1) x W opens window k + 1. */
export function windowAt(now: number, windowMs: number): { index: number; elapsed: number } {
  const index = Math.floor(now / windowMs);
  return { index, elapsed: now - index * windowMs };
}

/**
 * The counts as seen from window `index`. The next window inherits `current` as its `previous`;
 * after a whole window with no request, both are 0: what came before weighs nothing any more.
 */
export function rollForward(counts: WindowCounts, index: number): WindowCounts {
  if (index === counts.window) return counts;
  return { window: index, previous: index === counts.window + 1 ? counts.current : 0, current: 0 };
}

/** The estimate times W: previous x (W - elapsed) + current x W. */
export function estimateTimesW(counts: WindowCounts, elapsed: number, windowMs: number): number {
  return counts.previous * (windowMs - elapsed) + counts.current * windowMs;
}

/**
 * The shortest wait in ms, with no further requests, until estimate + 1 <= limit. Called only for
 * a refused request, which leaves two cases. With previous > 0, current is below the limit (each
 * request allowed in this window had previous's weight on top of it), so previous's decay alone
 * makes room, at the latest when the next window opens (its weight is then 0). With previous = 0,
 * the refusal means current is the limit: only in the next window, where current has become
 * previous and must decay in turn.
 */
export function msUntilAllowed(counts: WindowCounts, elapsed: number, { requests, windowMs: w }: Limit): number {
  if (counts.previous > 0) {
    // previous x (W - e) <= spare x W  <=>  e >= W - spare x W / previous; ceil(W - x) = W - floor(x)
    const spare = requests - 1 - counts.current;
    return w - Math.floor((spare * w) / counts.previous) - elapsed;
  }
  // Next window: current x (W - e) <= (limit - 1) x W, at the same ceil.
  return w - elapsed + w - Math.floor(((requests - 1) * w) / counts.current);
}
