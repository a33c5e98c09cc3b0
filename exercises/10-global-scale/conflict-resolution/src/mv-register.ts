import { notImplemented } from "#kata";
import type { VersionVector } from "./version-vector";

/** One value and the version of the write that produced it. */
export interface MvEntry<T> {
  value: T;
  version: VersionVector;
}

/** What a register replica sends to the others. */
export interface MvRegisterState<T> {
  /** Values no other value here has seen: one, or several written concurrently. */
  entries: MvEntry<T>[];
}

/**
 * A multi-value register, as Dynamo and Riak keep a key: concurrent writes are all kept (siblings)
 * instead of one silently winning, and the application merges them with resolve(). A write
 * replaces exactly the values its replica had seen when it was made.
 */
export class MvRegister<T> {
  readonly replica: string;

  /** @throws CrdtError INVALID_REPLICA_ID */
  constructor(replica: string) {
    this.replica = replica;
    notImplemented(`new MvRegister(${JSON.stringify(replica)})`);
  }

  /** Writes `value` over every value this replica holds now: its version has seen all of theirs. */
  set(value: T): void {
    notImplemented(`MvRegister.set(${JSON.stringify(value)})`);
  }

  /** The current values, in no particular order: one, several (concurrent writes), or none before any write. */
  get values(): T[] {
    return notImplemented("MvRegister.values");
  }

  /**
   * Writes the application's merge of the current values over all of them (a shopping cart's
   * union, say).
   * @throws CrdtError NOTHING_TO_RESOLVE on a register that holds no value yet.
   */
  resolve(merge: (values: readonly T[]) => T): void {
    notImplemented(`MvRegister.resolve(${merge.name || "merge"})`);
  }

  state(): MvRegisterState<T> {
    return notImplemented("MvRegister.state");
  }

  /**
   * Keeps every value of both sides that no value of either side has seen; a value present on both
   * sides is kept once.
   * @throws CrdtError INVALID_STATE, having changed nothing.
   */
  merge(state: MvRegisterState<T>): void {
    notImplemented("MvRegister.merge");
  }
}
