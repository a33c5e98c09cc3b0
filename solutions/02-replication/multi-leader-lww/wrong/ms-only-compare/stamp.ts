import type { Stamp } from "../../src/multi-leader-lww";

/** Wrong: an equal ms counts as newer, so each leader keeps whichever tied write arrived last. */
export function newer(a: Stamp, b: Stamp): boolean {
  return a.ms >= b.ms;
}

export function nextStamp(held: Stamp | undefined, now: number, node: string): Stamp {
  const ms = Math.floor(now);
  return { ms: held !== undefined && held.ms >= ms ? held.ms + 1 : ms, node };
}
