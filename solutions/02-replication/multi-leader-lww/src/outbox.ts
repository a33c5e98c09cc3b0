import type { Stamp } from "./multi-leader-lww";
import { newer } from "./stamp";

/** Per peer, the keys whose current entry that peer has not yet acknowledged. */
export class Outbox {
  private readonly pending = new Map<string, Set<string>>();

  constructor(peers: readonly string[]) {
    for (const peer of peers) this.pending.set(peer, new Set());
  }

  /** The key changed here: every peer needs it again. */
  changed(key: string): void {
    for (const keys of this.pending.values()) keys.add(key);
  }

  /** `peer` sent us this key's entry: it needs no copy back. */
  heldBy(peer: string, key: string): void {
    this.pending.get(peer)?.delete(key);
  }

  /** `peer` holds `stamp` for `key`: done with it, unless what we hold is newer. */
  acknowledged(peer: string, key: string, stamp: Stamp, held: Stamp | undefined): void {
    if (held !== undefined && !newer(held, stamp)) this.pending.get(peer)?.delete(key);
  }

  /** The keys to send `peer` now (they stay pending until acknowledged). */
  due(peer: string): string[] {
    return [...(this.pending.get(peer) ?? [])];
  }
}
