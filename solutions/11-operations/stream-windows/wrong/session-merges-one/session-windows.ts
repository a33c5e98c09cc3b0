import type { WindowContext } from "../../src/fixed-windows";
import { cleanupTime } from "../../src/lateness";
import type { StreamEvent } from "../../src/window-operator";
import { addEvent, emission, newWindow, type WindowState } from "../../src/window-state";

/**
 * Session windows: per key, the sessions held, none overlapping. An event opens [time, time +
 * gap) and merges it with every session it overlaps (half-open: a session ending exactly at the
 * event's time stays apart), so one event can bridge two sessions into one.
 */
export class SessionWindows {
  private readonly byKey = new Map<string, WindowState[]>();

  constructor(
    private readonly gap: number,
    private readonly context: WindowContext,
  ) {}

  /**
   * Adds the event, or returns false when it is too late: more than the allowed lateness behind
   * the watermark, a session it would have joined may already be gone.
   */
  accept(event: StreamEvent): boolean {
    const { context } = this;
    const watermark = context.watermark();
    if (event.time + context.allowedLateness < watermark) return false;
    const sessions = this.byKey.get(event.key) ?? [];
    const merged = newWindow(event.key, event.time, event.time + this.gap);
    addEvent(merged, event);
    const kept: WindowState[] = [];
    let joined = false;
    for (const session of sessions) {
      // Wrong: an event joins at most one session, so it never bridges two.
      if (!joined && session.start < merged.end && merged.start < session.end) {
        this.absorb(merged, session);
        joined = true;
      } else kept.push(session);
    }
    kept.push(merged);
    this.byKey.set(event.key, kept);
    this.context.opened(1);
    this.schedule(merged);
    if (merged.end <= watermark) context.emit(emission(merged));
    return true;
  }

  /** Folds `part` into `into`: its aggregate, its revision, and the emitted windows it stood for. */
  private absorb(into: WindowState, part: WindowState): void {
    into.start = Math.min(into.start, part.start);
    into.end = Math.max(into.end, part.end);
    into.count += part.count;
    into.sum += part.sum;
    into.max = Math.max(into.max, part.max);
    into.revision = Math.max(into.revision, part.revision);
    into.absorbed.push(...part.absorbed);
    if (part.revision >= 0) into.absorbed.push({ start: part.start, end: part.end });
    part.alive = false;
    this.context.opened(-1);
  }

  private schedule(session: WindowState): void {
    const { timers, allowedLateness } = this.context;
    timers.push({
      time: session.end,
      phase: 0,
      key: session.key,
      start: session.start,
      run: () => {
        if (session.alive && session.dirty) this.context.emit(emission(session));
      },
    });
    timers.push({
      time: cleanupTime(session.end, allowedLateness),
      phase: 1,
      key: session.key,
      start: session.start,
      run: () => this.cleanUp(session),
    });
  }

  private cleanUp(session: WindowState): void {
    if (!session.alive) return;
    session.alive = false;
    const rest = (this.byKey.get(session.key) as WindowState[]).filter((s) => s !== session);
    if (rest.length === 0) this.byKey.delete(session.key);
    else this.byKey.set(session.key, rest);
    this.context.opened(-1);
  }
}
