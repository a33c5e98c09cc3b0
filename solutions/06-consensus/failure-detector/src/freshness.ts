import type { Heartbeat } from "./messages";

/** The newest heartbeat seen from a peer. */
export interface Newest {
  incarnation: number;
  seq: number;
}

/** A later incarnation, or the same one and a later heartbeat in it. */
export function isNewer(heartbeat: Heartbeat, than: Newest): boolean {
  return (
    heartbeat.incarnation > than.incarnation || (heartbeat.incarnation === than.incarnation && heartbeat.seq > than.seq)
  );
}
