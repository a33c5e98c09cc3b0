import type { StableStorage } from "#kata/sim";
import { NO_VERSION, type Versioned } from "./messages";
import { compareVersions } from "./version";

/**
 * One node's copies of the keys, as a replica. Every copy is written to stable storage before the
 * node acknowledges it (the memory map is only a cache of what storage holds), so a replica that
 * crashes and restarts still holds every write it acknowledged. A copy is only ever replaced by a
 * newer version: a late, duplicated or reordered write of an older version leaves it as it is.
 */
export class ReplicaStore {
  private readonly cache = new Map<string, Versioned>();

  constructor(private readonly storage: StableStorage) {}

  read(key: string): Versioned {
    let copy = this.cache.get(key);
    if (copy === undefined) {
      copy = this.storage.get<Versioned>(storageKey(key)) ?? { value: null, version: NO_VERSION };
      this.cache.set(key, copy);
    }
    return copy;
  }

  /** Stores `copy` if it is newer than what this replica holds; returns what it holds afterwards. */
  apply(key: string, copy: Versioned): Versioned {
    const held = this.read(key);
    if (compareVersions(copy.version, held.version) <= 0) return held;
    this.storage.set(storageKey(key), copy);
    this.cache.set(key, copy);
    return copy;
  }
}

function storageKey(key: string): string {
  return `kv:${key}`;
}
