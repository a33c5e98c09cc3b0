import { notImplemented } from "#kata";
import { RebalanceError } from "./errors";
import { Migration, type ShardStores } from "./migration";
import { ownerOf } from "./placement";
// RebalanceError, Migration, ShardStores and ownerOf are what the finished cluster is built from.

export type { KeyMove, MigrationReport, MigrationStep, StepAction } from "./migration";
export { Migration } from "./migration";

/**
 * A key-value store split over shards, each shard a store of its own (a `Map` here; a database
 * server in production). Every key lives on exactly one shard, its owner under the placement
 * (./placement.ts), except while a migration moves it.
 *
 * Adding or removing a shard does not move anything by itself: it returns a Migration, which moves
 * the keys whose owner changed one step at a time (copy, verify, switch, delete), and the store
 * keeps serving reads and writes between any two steps. One migration runs at a time; when its last
 * step is taken, the change is complete (a removed shard is gone, with nothing left on it).
 *
 * Keys are non-empty strings, values are strings. Errors are RebalanceErrors (./errors.ts) with a
 * code: see each method. A call that throws changes nothing.
 */
export class ShardCluster {
  /**
   * @throws RebalanceError NO_SHARDS for an empty list; INVALID_SHARD_ID for an id that is not a
   *   non-empty string; DUPLICATE_SHARD for an id listed twice.
   */
  constructor(shards: readonly string[]) {
    notImplemented(`new ShardCluster(${JSON.stringify(shards)})`);
  }

  /**
   * Every shard that holds or may hold data now, sorted by id. While a migration runs that is the
   * shards before and after it together: a new shard from the moment addShard returns, a leaving
   * shard until the migration's last step.
   */
  shards(): string[] {
    return notImplemented("ShardCluster.shards");
  }

  /**
   * The shard that `key`'s reads, writes and deletes go to now: its owner under the placement, or,
   * during a migration, the migration's owner of record for it.
   * @throws RebalanceError INVALID_KEY for a key that is not a non-empty string.
   */
  ownerOf(key: string): string {
    return notImplemented(`ShardCluster.ownerOf(${JSON.stringify(key)})`);
  }

  /** The value of `key`, or undefined. @throws RebalanceError INVALID_KEY. */
  get(key: string): string | undefined {
    return notImplemented(`ShardCluster.get(${JSON.stringify(key)})`);
  }

  /**
   * Stores `value` under `key`, on the shard ownerOf(key) names; during a migration, tells it.
   * @throws RebalanceError INVALID_KEY; INVALID_VALUE for a value that is not a string.
   */
  set(key: string, value: string): void {
    notImplemented(`ShardCluster.set(${JSON.stringify(key)}, ${JSON.stringify(value)})`);
  }

  /** Removes `key`; true if it was there. During a migration, tells it. @throws RebalanceError INVALID_KEY. */
  delete(key: string): boolean {
    return notImplemented(`ShardCluster.delete(${JSON.stringify(key)})`);
  }

  /**
   * The keys `shard`'s store physically holds, sorted: copies a migration has made and not yet
   * deleted included. The tests use it to check that no key is lost or left in two places.
   * @throws RebalanceError INVALID_SHARD_ID; UNKNOWN_SHARD for a shard not in shards().
   */
  keysOn(shard: string): string[] {
    return notImplemented(`ShardCluster.keysOn(${JSON.stringify(shard)})`);
  }

  /**
   * Starts moving the keys the new shard now owns to it, and returns the migration (nothing has
   * moved yet). The new shard is empty and receives writes of keys it owns from now on.
   * @throws RebalanceError INVALID_SHARD_ID; MIGRATION_IN_PROGRESS while another migration runs;
   *   DUPLICATE_SHARD for a shard the cluster has.
   */
  addShard(shard: string): Migration {
    return notImplemented(`ShardCluster.addShard(${JSON.stringify(shard)})`);
  }

  /**
   * Starts moving every key off `shard`, each to its owner among the shards that stay, and returns
   * the migration. The shard leaves the cluster with the migration's last step.
   * @throws RebalanceError INVALID_SHARD_ID; MIGRATION_IN_PROGRESS while another migration runs;
   *   UNKNOWN_SHARD for a shard the cluster does not have; LAST_SHARD for the only shard.
   */
  removeShard(shard: string): Migration {
    return notImplemented(`ShardCluster.removeShard(${JSON.stringify(shard)})`);
  }

  /** The migration in progress, or undefined once its last step has been taken (or none started). */
  get migration(): Migration | undefined {
    return notImplemented("ShardCluster.migration");
  }
}
