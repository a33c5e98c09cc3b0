import { copyKey, copyMatches } from "./key-copy";
import { planMoves } from "./migration-plan";
import { afterClientWrite, hasSwitched, STEP_ORDER } from "./move-steps";
import { routeDuringMigration } from "./routing";

export type ShardStores = Map<string, Map<string, string>>;

export interface ShardChange {
  readonly kind: "add" | "remove";
  readonly shard: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export interface KeyMove {
  readonly key: string;
  readonly from: string;
  readonly to: string;
}

export type StepAction = "copy" | "verify" | "switch" | "delete";

export interface MigrationStep extends KeyMove {
  readonly action: StepAction;
  readonly ok: boolean;
}

export interface MigrationReport {
  readonly keysMoved: number;
  readonly fewestPossible: number;
  readonly copies: number;
  readonly steps: number;
}

/** A planned key and how many of its steps (STEP_ORDER) are done. */
interface MoveProgress {
  readonly move: KeyMove;
  done: number;
}

/**
 * One membership change in progress. The plan is fixed when the migration starts (./migration-plan);
 * keys move one at a time, in plan order, each through STEP_ORDER (./move-steps). A cursor points at
 * the first key not yet finished, so a step is O(1); the index by key makes ownerOfRecord and
 * noteWrite O(1) map lookups, plus the placement for keys that are not moving.
 */
export class Migration {
  readonly kind: "add" | "remove";
  readonly shard: string;
  readonly shardsBefore: readonly string[];
  readonly shardsAfter: readonly string[];
  private readonly stores: ShardStores;
  private readonly plan: MoveProgress[];
  private readonly byKey: Map<string, MoveProgress>;
  private readonly fewestPossible: number;
  private cursor = 0;
  private copies = 0;
  private steps = 0;

  constructor(change: ShardChange, stores: ShardStores) {
    this.kind = change.kind;
    this.shard = change.shard;
    this.shardsBefore = change.before;
    this.shardsAfter = change.after;
    this.stores = stores;
    this.plan = planMoves(stores, change.after).map((move) => ({ move, done: 0 }));
    this.byKey = new Map(this.plan.map((progress) => [progress.move.key, progress]));
    this.fewestPossible = change.kind === "remove" ? this.storeOf(change.shard).size : fairShare(stores, change.after);
  }

  moves(): KeyMove[] {
    return this.plan.map((progress) => progress.move);
  }

  get done(): boolean {
    return this.cursor === this.plan.length;
  }

  step(): MigrationStep | undefined {
    const progress = this.plan[this.cursor];
    if (progress === undefined) return undefined;
    const { key, from, to } = progress.move;
    const source = this.storeOf(from);
    const target = this.storeOf(to);
    const action = STEP_ORDER[progress.done] as StepAction;
    let ok = true;
    if (action === "copy") {
      copyKey(source, target, key);
      this.copies++;
    } else if (action === "verify") {
      ok = copyMatches(source, target, key);
    } else if (action === "delete") {
      source.delete(key);
    } // "switch" changes only the key's progress: ownerOfRecord reads it.
    progress.done = ok ? progress.done + 1 : 0;
    if (progress.done === STEP_ORDER.length) this.cursor++;
    this.steps++;
    return { action, key, from, to, ok };
  }

  run(): MigrationStep[] {
    const steps: MigrationStep[] = [];
    for (let step = this.step(); step !== undefined; step = this.step()) steps.push(step);
    return steps;
  }

  report(): MigrationReport {
    return {
      keysMoved: this.plan.length,
      fewestPossible: this.fewestPossible,
      copies: this.copies,
      steps: this.steps,
    };
  }

  ownerOfRecord(key: string): string {
    const progress = this.byKey.get(key);
    const switched = progress !== undefined && hasSwitched(progress.done, STEP_ORDER);
    return routeDuringMigration(key, progress?.move, switched, { before: this.shardsBefore, after: this.shardsAfter });
  }

  noteWrite(key: string): void {
    const progress = this.byKey.get(key);
    if (progress !== undefined) progress.done = afterClientWrite(progress.done, STEP_ORDER);
  }

  private storeOf(shard: string): Map<string, string> {
    return this.stores.get(shard) as Map<string, string>;
  }
}

/** A new shard's fair share: floor(K / N) of the K keys stored over the N shards after it joins. */
function fairShare(stores: ShardStores, after: readonly string[]): number {
  let keys = 0;
  for (const store of stores.values()) keys += store.size;
  return Math.floor(keys / after.length);
}
