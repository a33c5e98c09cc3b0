import { notImplemented } from "#kata";
import { StreamWindowsError } from "./errors";
// StreamWindowsError is what the finished operator throws (see each method).

/**
 * How events are grouped in time. Every window is half-open, [start, end): an event exactly at a
 * window's end belongs to the next one.
 * - tumbling: back-to-back windows of `size`, aligned so that `offset` (default 0) is a start.
 * - sliding: windows of `size` starting every `slide` (slide <= size), aligned on `offset`; an
 *   event belongs to size / slide of them when slide divides size.
 * - session: per key, events less than `gap` apart join one window; a session is
 *   [first event, last event + gap).
 */
export type WindowSpec =
  | { readonly kind: "tumbling"; readonly size: number; readonly offset?: number }
  | { readonly kind: "sliding"; readonly size: number; readonly slide: number; readonly offset?: number }
  | { readonly kind: "session"; readonly gap: number };

/** One event: `time` is when it happened (event time), not when it arrived. */
export interface StreamEvent {
  readonly key: string;
  readonly time: number;
  readonly value: number;
}

export interface WindowOptions {
  /** How far out of order events may arrive: watermark = latest event time seen - this. Default 0. */
  readonly maxOutOfOrderness?: number;
  /** How long after a window fires late events may still update it. Default 0. */
  readonly allowedLateness?: number;
  /** What happens to an event too late for any window: "drop" (counted) or "side-output" (kept). */
  readonly lateEvents?: "drop" | "side-output";
}

/** A window's aggregate, emitted when the watermark passes its end, and again for each late update. */
export interface WindowResult {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly count: number;
  readonly sum: number;
  readonly max: number;
  /** 0 for the first firing; 1, 2, ... for each later emission of the same window. */
  readonly revision: number;
  /** Sessions only: earlier emitted windows this one absorbed by a merge, now out of date. */
  readonly replaces: readonly { readonly start: number; readonly end: number }[];
}

/**
 * Windowed aggregation over event time: count, sum and max per key and window, fired by a
 * watermark, with an allowed lateness and a policy for events later than that.
 */
export class WindowOperator {
  /** @throws StreamWindowsError INVALID_WINDOW or INVALID_OPTION. */
  constructor(spec: WindowSpec, options: WindowOptions = {}) {
    notImplemented("new WindowOperator()");
  }

  /**
   * Takes one event: adds it to its windows (emitting an update for a window that already fired),
   * or sets it aside as too late; then moves the watermark and fires every window it passed.
   * @returns the results this event caused, in order.
   * @throws StreamWindowsError INVALID_EVENT or STREAM_ENDED.
   */
  process(event: StreamEvent): WindowResult[] {
    return notImplemented("WindowOperator.process");
  }

  /** End of the stream: fires every window not fired yet and clears all state. */
  flush(): WindowResult[] {
    return notImplemented("WindowOperator.flush");
  }

  /** The current watermark: -Infinity before the first event. Never goes back. */
  watermark(): number {
    return notImplemented("WindowOperator.watermark");
  }

  /** Windows held in state, fired or not: what memory the operator is using. */
  openWindows(): number {
    return notImplemented("WindowOperator.openWindows");
  }

  /** How many events were too late for every window (dropped or set aside). */
  lateCount(): number {
    return notImplemented("WindowOperator.lateCount");
  }

  /** With lateEvents "side-output": the too-late events, in arrival order. Otherwise empty. */
  sideOutput(): readonly StreamEvent[] {
    return notImplemented("WindowOperator.sideOutput");
  }
}
