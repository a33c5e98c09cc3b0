import { cleanupTime } from "./lateness";
import type { TimerQueue } from "./timer-queue";
import { windowsContaining } from "./window-assigner";
import type { StreamEvent, WindowResult } from "./window-operator";
import { addEvent, emission, newWindow, type WindowState } from "./window-state";

/** What a window family needs from the operator around it. */
export interface WindowContext {
  readonly timers: TimerQueue;
  readonly allowedLateness: number;
  watermark(): number;
  emit(result: WindowResult): void;
  opened(delta: number): void;
}

/**
 * Tumbling and sliding windows (tumbling is sliding with slide = size): per key, a map from
 * window start to its state. Each new window sets two timers, one to fire at its end and one to
 * clean it up once its allowed lateness has passed.
 */
export class FixedWindows {
  private readonly byKey = new Map<string, Map<number, WindowState>>();

  constructor(
    private readonly size: number,
    private readonly slide: number,
    private readonly offset: number,
    private readonly context: WindowContext,
  ) {}

  /** Adds the event to each of its windows, or returns false when its earliest one is gone. */
  accept(event: StreamEvent): boolean {
    const { context } = this;
    const windows = windowsContaining(event.time, this.size, this.slide, this.offset);
    const watermark = context.watermark();
    if (cleanupTime((windows[0] as { end: number }).end, context.allowedLateness) <= watermark) return false;
    for (const { start, end } of windows) {
      const window = this.windowAt(event.key, start, end);
      addEvent(window, event);
      if (end <= watermark) context.emit(emission(window)); // already due: a late firing or update
    }
    return true;
  }

  private windowAt(key: string, start: number, end: number): WindowState {
    let windows = this.byKey.get(key);
    if (windows === undefined) {
      windows = new Map();
      this.byKey.set(key, windows);
    }
    const existing = windows.get(start);
    if (existing !== undefined) return existing;
    const window = newWindow(key, start, end);
    windows.set(start, window);
    this.context.opened(1);
    const { timers, allowedLateness } = this.context;
    timers.push({
      time: end,
      phase: 0,
      key,
      start,
      run: () => {
        // Fire comes before clean-up, so the window is still held here.
        if (window.dirty) this.context.emit(emission(window));
      },
    });
    timers.push({
      time: cleanupTime(end, allowedLateness),
      phase: 1,
      key,
      start,
      run: () => this.cleanUp(window),
    });
    return window;
  }

  private cleanUp(window: WindowState): void {
    const windows = this.byKey.get(window.key) as Map<number, WindowState>;
    windows.delete(window.start);
    if (windows.size === 0) this.byKey.delete(window.key);
    this.context.opened(-1);
  }
}
