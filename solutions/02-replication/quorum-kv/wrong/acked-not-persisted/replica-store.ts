/**
 * The mistake: copies are kept in memory only, never on stable storage. The replica acknowledges
 * a write, crashes, restarts empty: a quorum that counted its acknowledgement is no longer a
 * quorum, and a read of the restarted replicas misses a write that completed.
 */
import type { StableStorage } from "#kata/sim";
import { NO_VERSION, type Versioned } from "../../src/messages";
import { compareVersions } from "../../src/version";

export class ReplicaStore {
  private readonly copies = new Map<string, Versioned>();

  constructor(storage: StableStorage) {
    void storage;
  }

  read(key: string): Versioned {
    return this.copies.get(key) ?? { value: null, version: NO_VERSION };
  }

  apply(key: string, copy: Versioned): Versioned {
    const held = this.read(key);
    if (compareVersions(copy.version, held.version) <= 0) return held;
    this.copies.set(key, copy);
    return copy;
  }
}
