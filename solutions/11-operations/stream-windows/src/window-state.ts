import type { StreamEvent, WindowResult } from "./window-operator";

/** One window's running aggregate, and where it stands. */
export interface WindowState {
  readonly key: string;
  start: number;
  end: number;
  count: number;
  sum: number;
  max: number;
  /** The revision last emitted; -1 before the first firing. */
  revision: number;
  /** Changed since it was last emitted. */
  dirty: boolean;
  /** Still held; false once cleaned up or merged into another session. */
  alive: boolean;
  /** Emitted windows this one absorbed (sessions), to report as replaced at its next emission. */
  absorbed: { start: number; end: number }[];
}

export function newWindow(key: string, start: number, end: number): WindowState {
  return { key, start, end, count: 0, sum: 0, max: -Infinity, revision: -1, dirty: false, alive: true, absorbed: [] };
}

export function addEvent(window: WindowState, event: StreamEvent): void {
  window.count += 1;
  window.sum += event.value;
  if (event.value > window.max) window.max = event.value;
  window.dirty = true;
}

/** The next emission of a window: its aggregate, one revision on, and what it replaces. */
export function emission(window: WindowState): WindowResult {
  window.revision += 1;
  window.dirty = false;
  const replaces = window.absorbed;
  window.absorbed = [];
  return {
    key: window.key,
    start: window.start,
    end: window.end,
    count: window.count,
    sum: window.sum,
    max: window.max,
    revision: window.revision,
    replaces,
  };
}
