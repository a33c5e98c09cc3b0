import type { PeakWindow } from "../../src/global-load-balancer";
import { utcHour } from "../../src/peak-window";

export { utcHour };

/** Wrong: one comparison for every window, so 22 to 6 is never peak. */
export function isPeak(window: PeakWindow, nowMs: number): boolean {
  const hour = utcHour(nowMs);
  return hour >= window.startHour && hour < window.endHour;
}
