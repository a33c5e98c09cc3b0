import type { Heartbeat } from "../../src/messages";

export interface Newest {
  incarnation: number;
  seq: number;
}

/** Wrong: seq alone decides, so a restarted peer, counting from 1 again, is never heard again. */
export function isNewer(heartbeat: Heartbeat, than: Newest): boolean {
  return heartbeat.seq > than.seq;
}
