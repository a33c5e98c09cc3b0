import type { PeakWindow } from "../../src/global-load-balancer";
import { utcHour } from "../../src/peak-window";

export { utcHour };

/** Wrong: the end hour counts as peak (20:00-20:59 with a window 8 to 20). */
export function isPeak(window: PeakWindow, nowMs: number): boolean {
  const hour = utcHour(nowMs);
  return window.startHour < window.endHour
    ? hour >= window.startHour && hour <= window.endHour
    : hour >= window.startHour || hour <= window.endHour;
}
