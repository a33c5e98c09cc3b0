import { RebalanceError } from "./errors";
import { Migration, type ShardChange, type ShardStores } from "./migration";
import { ownerOf } from "./placement";

export type { KeyMove, MigrationReport, MigrationStep, StepAction } from "./migration";
export { Migration } from "./migration";

/**
 * A key-value store split over shards. Each shard's store is a Map in `stores`, which the migration
 * in progress shares: it copies and deletes there while the cluster serves reads and writes. The
 * cluster routes every call through one place, ownerOf, which asks the migration while one runs.
 * A finished migration is settled lazily, at the start of the next call: its layout becomes the
 * cluster's, and a removed shard's store (empty by then) goes. Every check runs before any change.
 */
export class ShardCluster {
  private readonly stores: ShardStores = new Map();
  private layout: readonly string[];
  private current: Migration | undefined;

  constructor(shards: readonly string[]) {
    if (!Array.isArray(shards) || shards.length === 0) {
      throw new RebalanceError(
        "NO_SHARDS",
        `a cluster needs at least one shard, got ${describe(shards)}; pass the shard ids, e.g. ["shard-1"]`,
      );
    }
    for (const shard of shards) {
      assertShardId(shard);
      if (this.stores.has(shard)) {
        throw new RebalanceError("DUPLICATE_SHARD", `shard "${shard}" is listed twice; list each shard once`);
      }
      this.stores.set(shard, new Map());
    }
    this.layout = sorted(shards);
  }

  shards(): string[] {
    this.settle();
    return sorted(this.stores.keys());
  }

  ownerOf(key: string): string {
    assertKey(key);
    this.settle();
    return this.current === undefined ? ownerOf(key, this.layout) : this.current.ownerOfRecord(key);
  }

  get(key: string): string | undefined {
    return this.storeOf(this.ownerOf(key)).get(key);
  }

  set(key: string, value: string): void {
    const owner = this.ownerOf(key);
    if (typeof value !== "string") {
      throw new RebalanceError(
        "INVALID_VALUE",
        `values are strings, got ${describe(value)} (${typeof value}) for key ${describe(key)}; serialise it first, e.g. JSON.stringify`,
      );
    }
    this.storeOf(owner).set(key, value);
    this.current?.noteWrite(key);
  }

  delete(key: string): boolean {
    const existed = this.storeOf(this.ownerOf(key)).delete(key);
    this.current?.noteWrite(key);
    return existed;
  }

  keysOn(shard: string): string[] {
    assertShardId(shard);
    this.settle();
    const store = this.stores.get(shard);
    if (store === undefined) throw this.unknownShard(shard);
    return sorted(store.keys());
  }

  addShard(shard: string): Migration {
    assertShardId(shard);
    this.assertNoMigration(`addShard("${shard}")`);
    if (this.stores.has(shard)) {
      throw new RebalanceError(
        "DUPLICATE_SHARD",
        `shard "${shard}" is already in the cluster; remove it first to add it again, or pick another id`,
      );
    }
    this.stores.set(shard, new Map());
    return this.start({ kind: "add", shard, before: this.layout, after: sorted([...this.layout, shard]) });
  }

  removeShard(shard: string): Migration {
    assertShardId(shard);
    this.assertNoMigration(`removeShard("${shard}")`);
    if (!this.stores.has(shard)) throw this.unknownShard(shard);
    if (this.layout.length === 1) {
      throw new RebalanceError(
        "LAST_SHARD",
        `shard "${shard}" is the only shard: its keys would have nowhere to go; add another shard first`,
      );
    }
    return this.start({ kind: "remove", shard, before: this.layout, after: this.layout.filter((s) => s !== shard) });
  }

  get migration(): Migration | undefined {
    this.settle();
    return this.current;
  }

  private start(change: ShardChange): Migration {
    this.current = new Migration(change, this.stores);
    return this.current;
  }

  /** Completes a finished migration: its layout becomes the cluster's; a removed shard goes. */
  private settle(): void {
    if (this.current?.done !== true) return;
    if (this.current.kind === "remove") this.stores.delete(this.current.shard);
    this.layout = this.current.shardsAfter;
    this.current = undefined;
  }

  private assertNoMigration(call: string): void {
    this.settle();
    if (this.current !== undefined) {
      throw new RebalanceError(
        "MIGRATION_IN_PROGRESS",
        `${call} while the migration that ${this.current.kind === "add" ? "adds" : "removes"} shard "${this.current.shard}" is still running: finish it first (migration.run(), or step() until done)`,
      );
    }
  }

  private unknownShard(shard: string): RebalanceError {
    return new RebalanceError(
      "UNKNOWN_SHARD",
      `shard "${shard}" is not in the cluster (shards: ${sorted(this.stores.keys()).join(", ")})`,
    );
  }

  private storeOf(shard: string): Map<string, string> {
    return this.stores.get(shard) as Map<string, string>;
  }
}

function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

function assertShardId(shard: unknown): asserts shard is string {
  if (typeof shard !== "string" || shard.length === 0) {
    throw new RebalanceError("INVALID_SHARD_ID", `shard ids are non-empty strings, got ${describe(shard)}`);
  }
}

function assertKey(key: unknown): asserts key is string {
  if (typeof key !== "string" || key.length === 0) {
    throw new RebalanceError(
      "INVALID_KEY",
      `keys are non-empty strings, got ${describe(key)} (${typeof key}); convert ids with String(id)`,
    );
  }
}

/** A value as a message shows it: JSON where it can (so an object is not "[object Object]"). */
function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
