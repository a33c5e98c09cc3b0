import type { Stamp } from "../../src/multi-leader-lww";

export function newer(a: Stamp, b: Stamp): boolean {
  return a.ms > b.ms || (a.ms === b.ms && a.node > b.node);
}

/** Wrong: the stamp is the local clock alone, even when it is behind the stamp already held. */
export function nextStamp(_held: Stamp | undefined, now: number, node: string): Stamp {
  return { ms: Math.floor(now), node };
}
