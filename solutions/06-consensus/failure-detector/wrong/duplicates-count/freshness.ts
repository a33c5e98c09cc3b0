import type { Heartbeat } from "../../src/messages";

export interface Newest {
  incarnation: number;
  seq: number;
}

/** Wrong: every heartbeat that arrives is news, duplicates and late ones too. */
export function isNewer(heartbeat: Heartbeat, than: Newest): boolean {
  void heartbeat;
  void than;
  return true;
}
