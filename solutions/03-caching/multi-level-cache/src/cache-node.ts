import { SmallLru } from "#kata/small-lru";
import { CacheNodeError } from "./errors";
import type { CacheNodeOptions, LevelStats } from "./infrastructure";
import { listenForInvalidations } from "./invalidation";
import { writeThrough } from "./write-through";

export type { CacheNodeOptions, InvalidationEvent, LevelStats } from "./infrastructure";
export { Database, SharedCache } from "./infrastructure";

/**
 * One application process's view of a two-level cache: its own L1 (an LRU in memory, fastest,
 * private) in front of the shared L2, in front of the database.
 *
 * Reads fill downwards: L1, else L2 (and fill L1), else the database (and fill L2 and L1).
 * Writes (./write-through) go through to the database and the L2, update this node's L1, and then,
 * before returning, publish an invalidation so every other node drops the key from its L1
 * (./invalidation). The bus is synchronous, so when set() returns no L1 anywhere holds the old
 * value: no node can read it afterwards.
 */
export class CacheNode<V> {
  readonly id: string;
  private readonly l1: SmallLru<string, V>;
  private readonly options: CacheNodeOptions<V>;
  private readonly unsubscribe: () => void;
  private reads = 0;
  private l1Hits = 0;
  private l2Hits = 0;
  private databaseReads = 0;

  constructor(options: CacheNodeOptions<V>) {
    if (typeof options?.id !== "string" || options.id === "") {
      throw new CacheNodeError(
        "INVALID_OPTIONS",
        `a node needs a non-empty id, unique on the bus, got ${JSON.stringify(options?.id)}`,
      );
    }
    if (!Number.isSafeInteger(options.l1Capacity) || options.l1Capacity < 1) {
      throw new CacheNodeError(
        "INVALID_OPTIONS",
        `l1Capacity must be a positive integer, got ${String(options.l1Capacity)}`,
      );
    }
    this.id = options.id;
    this.options = options;
    this.l1 = new SmallLru<string, V>(options.l1Capacity);
    this.unsubscribe = listenForInvalidations(options.bus, this.id, this.l1);
  }

  get(key: string): V | undefined {
    checkKey(key);
    this.reads++;
    const local = this.l1.get(key);
    if (local !== undefined) {
      this.l1Hits++;
      return local;
    }
    const shared = this.options.l2.get(key);
    if (shared !== undefined) {
      this.l2Hits++;
      this.l1.set(key, shared);
      return shared;
    }
    this.databaseReads++;
    const row = this.options.database.read(key);
    if (row === undefined) return undefined; // "not found" is not cached
    this.options.l2.set(key, row);
    this.l1.set(key, row);
    return row;
  }

  set(key: string, value: V): void {
    checkKey(key);
    this.write(key, value);
  }

  delete(key: string): void {
    checkKey(key);
    this.write(key, undefined);
  }

  stats(): LevelStats {
    const missedL1 = this.reads - this.l1Hits;
    return {
      reads: this.reads,
      l1Hits: this.l1Hits,
      l2Hits: this.l2Hits,
      databaseReads: this.databaseReads,
      l1HitRatio: this.reads === 0 ? 0 : this.l1Hits / this.reads,
      l2HitRatio: missedL1 === 0 ? 0 : this.l2Hits / missedL1,
    };
  }

  close(): void {
    this.unsubscribe();
  }

  /** A set (`value`) or a delete (`undefined`) through every level, then the news to the other nodes. */
  private write(key: string, value: V | undefined): void {
    const { database, l2, bus } = this.options;
    writeThrough({ database, l2, l1: this.l1 }, key, value, () =>
      bus.publish({ type: "cache.invalidate", key, from: this.id }),
    );
  }
}

function checkKey(key: string): void {
  if (typeof key !== "string" || key === "")
    throw new CacheNodeError("INVALID_KEY", `keys are non-empty strings, got ${JSON.stringify(key) ?? String(key)}`);
}
