import type { PeakWindow } from "./global-load-balancer";

const HOUR_MS = 3_600_000;

/** The UTC hour of day, 0-23, of a time in ms since the epoch (times before 1970 included). */
export function utcHour(nowMs: number): number {
  const hour = Math.floor(nowMs / HOUR_MS) % 24;
  return hour < 0 ? hour + 24 : hour;
}

/** Inside [startHour:00, endHour:00), across midnight when endHour < startHour. */
export function isPeak(window: PeakWindow, nowMs: number): boolean {
  const hour = utcHour(nowMs);
  return window.startHour < window.endHour
    ? hour >= window.startHour && hour < window.endHour
    : hour >= window.startHour || hour < window.endHour;
}
