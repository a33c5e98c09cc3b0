import { notImplemented } from "#kata";
import { ownerOf } from "./placement";
// ownerOf decides which keys a migration moves, and where a key that is not moving lives.

/** What each shard physically holds: shard id -> (key -> value). The cluster and its migration share it. */
export type ShardStores = Map<string, Map<string, string>>;

/** The membership change a migration carries out: the shards before and after it, each sorted. */
export interface ShardChange {
  readonly kind: "add" | "remove";
  /** The shard that joins or leaves. */
  readonly shard: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** One key that changes owner: it moves from the shard that holds it to its owner after the change. */
export interface KeyMove {
  readonly key: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The four steps that move one key, in this order:
 * - copy: the target gets the source's value (a key the source no longer holds: the target's copy goes);
 * - verify: the target's value is compared with the source's; if they differ (a write or a delete
 *   reached the source after the copy), the key goes back to copy;
 * - switch: the key's owner of record becomes the target, where its reads and writes go from now on;
 * - delete: the key is removed from the source.
 */
export type StepAction = "copy" | "verify" | "switch" | "delete";

/** What one call to `step()` did, to which key. `ok` is false only for a verify that found the copy differs. */
export interface MigrationStep extends KeyMove {
  readonly action: StepAction;
  readonly ok: boolean;
}

/** How much a migration moves, against the least any plan could. */
export interface MigrationReport {
  /** Keys the migration moves: the keys whose owner changed (the plan's length). */
  readonly keysMoved: number;
  /**
   * The fewest keys any plan must move for this change: for a removal, every key on the leaving
   * shard; for an addition, the new shard's fair share, floor(K / N) of the K keys over the N shards
   * after it joins. Counted when the migration starts.
   */
  readonly fewestPossible: number;
  /** Copy steps taken so far, re-copies after a failed verify included. */
  readonly copies: number;
  /** Steps taken so far. */
  readonly steps: number;
}

/**
 * One membership change in progress: the plan of keys to move, and the steps that move them, taken
 * one call to `step()` at a time so that reads and writes can happen between any two steps.
 *
 * The plan is made when the migration starts: every key a shard holds whose owner after the change
 * (placement's `ownerOf` over `after`) is not the shard that holds it. No other key moves. Each
 * planned key goes through copy, verify, switch, delete (see StepAction); one key at a time is fine,
 * as is any other interleaving, as long as each key's own steps come in that order.
 *
 * While it runs, the cluster asks it where each key lives (`ownerOfRecord`) and tells it about every
 * write and delete (`noteWrite`):
 * - a planned key that has not switched is read and written at its source, the owner of record; the
 *   copy on the target may go stale, and verify is what notices;
 * - a verification is only good until the next write: a key written or deleted after its verify and
 *   before its switch must be verified again before it may switch;
 * - every other key (switched, not moving, or new since the plan) goes by the layout after the change.
 */
export class Migration {
  readonly kind: "add" | "remove";
  /** The shard that joins or leaves. */
  readonly shard: string;
  readonly shardsBefore: readonly string[];
  readonly shardsAfter: readonly string[];

  /** Made by ShardCluster.addShard and removeShard, never by callers; plans the moves. */
  constructor(change: ShardChange, stores: ShardStores) {
    this.kind = change.kind;
    this.shard = change.shard;
    this.shardsBefore = change.before;
    this.shardsAfter = change.after;
    notImplemented(`new Migration(${change.kind} ${change.shard}, ${stores.size} shards)`);
  }

  /** The plan: every key this migration moves, with its source and target, in the order it moves them. */
  moves(): KeyMove[] {
    return notImplemented("Migration.moves");
  }

  /** True once every planned key has been copied, verified, switched and deleted from its source. */
  get done(): boolean {
    return notImplemented("Migration.done");
  }

  /** Takes the next step and says what it did; undefined when the migration is done. */
  step(): MigrationStep | undefined {
    return notImplemented("Migration.step");
  }

  /** Takes every remaining step, in order, and returns them. */
  run(): MigrationStep[] {
    return notImplemented("Migration.run");
  }

  report(): MigrationReport {
    return notImplemented("Migration.report");
  }

  /** The shard that holds `key`'s current value now, where its reads, writes and deletes go. */
  ownerOfRecord(key: string): string {
    return notImplemented(`Migration.ownerOfRecord(${JSON.stringify(key)})`);
  }

  /** Called by the cluster after every write or delete of `key` while the migration runs. */
  noteWrite(key: string): void {
    notImplemented(`Migration.noteWrite(${JSON.stringify(key)})`);
  }
}
