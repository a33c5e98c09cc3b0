import type { Stamp } from "./multi-leader-lww";

/** True when `a` is the later write: the larger ms, or on equal ms the larger node id. */
export function newer(a: Stamp, b: Stamp): boolean {
  return a.ms > b.ms || (a.ms === b.ms && a.node > b.node);
}

/** The stamp of a write this leader takes now: its clock, but above the stamp it holds for the key. */
export function nextStamp(held: Stamp | undefined, now: number, node: string): Stamp {
  const ms = Math.floor(now);
  return { ms: held !== undefined && held.ms >= ms ? held.ms + 1 : ms, node };
}
