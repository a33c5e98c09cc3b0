/**
 * In-memory stand-ins for the shared pieces (given code): a shared cache (Redis, memcached) and the
 * database. Both count what is asked of them, which is how the tests and the bench see the work a
 * node causes. Every node of a test or bench shares the same two objects, and a bus.
 */

/** The L2: one cache shared by every node. */
export class SharedCache<V> {
  private readonly data = new Map<string, V>();
  gets = 0;
  hits = 0;

  get(key: string): V | undefined {
    this.gets++;
    const value = this.data.get(key);
    if (value !== undefined) this.hits++;
    return value;
  }

  set(key: string, value: V): void {
    this.data.set(key, value);
  }

  delete(key: string): void {
    this.data.delete(key);
  }
}

/** The source of truth. */
export class Database<V> {
  private readonly rows = new Map<string, V>();
  reads = 0;
  writes = 0;

  read(key: string): V | undefined {
    this.reads++;
    return this.rows.get(key);
  }

  write(key: string, value: V): void {
    this.writes++;
    this.rows.set(key, value);
  }

  remove(key: string): void {
    this.writes++;
    this.rows.delete(key);
  }
}

/** Sent on the bus after a write: every other node must drop `key` from its L1. */
export interface InvalidationEvent {
  type: "cache.invalidate";
  key: string;
  /** The id of the node that wrote, which already holds the new value. */
  from: string;
}

/** What a node needs of the bus: to listen for invalidations and to send them. */
export interface InvalidationBus {
  subscribe(type: "cache.invalidate", handler: (event: InvalidationEvent) => void): () => void;
  publish(event: InvalidationEvent): unknown;
}

export interface CacheNodeOptions<V> {
  /** This node's id, unique among the nodes on the bus. */
  id: string;
  /** How many entries this node's L1 holds (an LRU). */
  l1Capacity: number;
  l2: SharedCache<V>;
  database: Database<V>;
  bus: InvalidationBus;
}

export interface LevelStats {
  reads: number;
  l1Hits: number;
  l2Hits: number;
  databaseReads: number;
  /** l1Hits / reads (0 with no reads). */
  l1HitRatio: number;
  /** l2Hits / reads that missed L1 (0 when none did). */
  l2HitRatio: number;
}
