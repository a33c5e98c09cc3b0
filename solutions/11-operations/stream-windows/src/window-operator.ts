import { StreamWindowsError } from "./errors";
import { FixedWindows, type WindowContext } from "./fixed-windows";
import { nextWatermark } from "./lateness";
import { SessionWindows } from "./session-windows";
import { TimerQueue } from "./timer-queue";

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

function positive(value: unknown): boolean {
  return Number.isFinite(value) && (value as number) > 0;
}

function checkSpec(spec: WindowSpec): void {
  if (spec.kind === "session") {
    if (!positive(spec.gap))
      throw new StreamWindowsError("INVALID_WINDOW", `a session gap must be a time above 0, got ${String(spec.gap)}`);
    return;
  }
  if (spec.kind !== "tumbling" && spec.kind !== "sliding")
    throw new StreamWindowsError(
      "INVALID_WINDOW",
      `no window kind ${JSON.stringify((spec as { kind: unknown }).kind)}; use "tumbling", "sliding" or "session"`,
    );
  if (!positive(spec.size))
    throw new StreamWindowsError(
      "INVALID_WINDOW",
      `a ${spec.kind} window's size must be a time above 0, got ${String(spec.size)}`,
    );
  const slide = spec.kind === "sliding" ? spec.slide : spec.size;
  if (!positive(slide) || slide > spec.size)
    throw new StreamWindowsError(
      "INVALID_WINDOW",
      `a sliding window's slide must be above 0 and at most its size (${spec.size}), got ${String(slide)}: a slide larger than the size would skip events between windows`,
    );
  const offset = spec.offset ?? 0;
  if (!Number.isFinite(offset) || offset < 0 || offset >= slide)
    throw new StreamWindowsError(
      "INVALID_WINDOW",
      `offset must be at least 0 and below ${slide}, got ${String(offset)}`,
    );
}

function checkOptions(options: WindowOptions): void {
  for (const name of ["maxOutOfOrderness", "allowedLateness"] as const) {
    const value = options[name] ?? 0;
    if (!Number.isFinite(value) || value < 0)
      throw new StreamWindowsError("INVALID_OPTION", `${name} must be a time of 0 or more, got ${String(value)}`);
  }
  const policy = options.lateEvents ?? "drop";
  if (policy !== "drop" && policy !== "side-output")
    throw new StreamWindowsError(
      "INVALID_OPTION",
      `lateEvents must be "drop" or "side-output", got ${JSON.stringify(policy)}`,
    );
}

function checkEvent(event: StreamEvent): void {
  if (typeof event.key !== "string")
    throw new StreamWindowsError("INVALID_EVENT", `an event's key must be a string, got ${JSON.stringify(event.key)}`);
  if (!Number.isFinite(event.time))
    throw new StreamWindowsError(
      "INVALID_EVENT",
      `event ${JSON.stringify(event.key)}: time must be a finite number, got ${String(event.time)}`,
    );
  if (!Number.isFinite(event.value))
    throw new StreamWindowsError(
      "INVALID_EVENT",
      `event ${JSON.stringify(event.key)}: value must be a finite number, got ${String(event.value)}`,
    );
}

/**
 * Windowed aggregation over event time: windows live in a family (fixed or sessions) that adds
 * events and sets timers; the operator moves the watermark and runs the timers it passed.
 */
export class WindowOperator {
  private readonly timers = new TimerQueue();
  private readonly windows: FixedWindows | SessionWindows;
  private readonly maxOutOfOrderness: number;
  private readonly keepLate: boolean;
  private readonly late: StreamEvent[] = [];
  private current = -Infinity;
  private open = 0;
  private lateEvents = 0;
  private ended = false;
  private sink: WindowResult[] = [];

  constructor(spec: WindowSpec, options: WindowOptions = {}) {
    checkSpec(spec);
    checkOptions(options);
    this.maxOutOfOrderness = options.maxOutOfOrderness ?? 0;
    this.keepLate = options.lateEvents === "side-output";
    const context: WindowContext = {
      timers: this.timers,
      allowedLateness: options.allowedLateness ?? 0,
      watermark: () => this.current,
      emit: (result) => this.sink.push(result),
      opened: (delta) => {
        this.open += delta;
      },
    };
    this.windows =
      spec.kind === "session"
        ? new SessionWindows(spec.gap, context)
        : new FixedWindows(spec.size, spec.kind === "sliding" ? spec.slide : spec.size, spec.offset ?? 0, context);
  }

  process(event: StreamEvent): WindowResult[] {
    if (this.ended)
      throw new StreamWindowsError(
        "STREAM_ENDED",
        "process() after flush(): the stream has ended; start a new WindowOperator for a new stream",
      );
    checkEvent(event);
    const results: WindowResult[] = [];
    this.sink = results;
    if (!this.windows.accept(event)) {
      this.lateEvents += 1;
      if (this.keepLate) this.late.push({ ...event });
    }
    this.current = nextWatermark(this.current, event.time, this.maxOutOfOrderness);
    this.timers.runUntil(this.current);
    return results;
  }

  flush(): WindowResult[] {
    const results: WindowResult[] = [];
    this.sink = results;
    this.ended = true;
    this.current = Infinity;
    this.timers.runUntil(Infinity);
    this.timers.clear();
    return results;
  }

  watermark(): number {
    return this.current;
  }

  openWindows(): number {
    return this.open;
  }

  lateCount(): number {
    return this.lateEvents;
  }

  sideOutput(): readonly StreamEvent[] {
    return [...this.late];
  }
}
