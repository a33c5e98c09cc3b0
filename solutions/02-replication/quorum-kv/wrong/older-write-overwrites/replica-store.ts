/**
 * The mistake: a replica stores every write it receives, last arrival wins. A write delayed,
 * duplicated or reordered by the network replaces a newer copy with an older one: the replica's
 * version goes backwards, and a read of it can return a value that was already overwritten.
 */
import type { StableStorage } from "#kata/sim";
import { NO_VERSION, type Versioned } from "../../src/messages";

export class ReplicaStore {
  constructor(private readonly storage: StableStorage) {}

  read(key: string): Versioned {
    return this.storage.get<Versioned>(`kv:${key}`) ?? { value: null, version: NO_VERSION };
  }

  apply(key: string, copy: Versioned): Versioned {
    this.storage.set(`kv:${key}`, copy);
    return copy;
  }
}
