/**
 * Full-state anti-entropy: every sync interval, a leader sends each peer every key it holds,
 * acknowledged or not. Correct (nothing is ever lost for good, whatever the network drops) and
 * simple, but it keeps sending the whole store to converged peers forever: the message count
 * grows with the time the cluster runs, not with the writes it takes.
 */
import type { Stamp } from "../src/multi-leader-lww";

export class Outbox {
  private readonly keys = new Set<string>();

  constructor(peers: readonly string[]) {
    void peers;
  }

  changed(key: string): void {
    this.keys.add(key);
  }

  heldBy(peer: string, key: string): void {
    void peer;
    void key;
  }

  acknowledged(peer: string, key: string, stamp: Stamp, held: Stamp | undefined): void {
    void peer;
    void key;
    void stamp;
    void held;
  }

  due(peer: string): string[] {
    void peer;
    return [...this.keys];
  }
}
