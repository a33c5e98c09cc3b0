import { notImplemented } from "#kata";

/** One write: its value, when it happened by its writer's clock (ms), and who wrote it. */
export interface LwwEntry<T> {
  value: T;
  timestamp: number;
  replica: string;
}

/** What a register replica sends to the others. */
export interface LwwRegisterState<T> {
  /** The winning write so far; null before the first. */
  entry: LwwEntry<T> | null;
}

/**
 * A last-writer-wins register: of all writes, the one with the greatest timestamp wins, and on
 * equal timestamps the one from the greater replica id (plain string comparison), so every
 * replica picks the same winner whatever order states arrive in.
 */
export class LwwRegister<T> {
  readonly replica: string;

  /** @throws CrdtError INVALID_REPLICA_ID */
  constructor(replica: string) {
    this.replica = replica;
    notImplemented(`new LwwRegister(${JSON.stringify(replica)})`);
  }

  /**
   * Writes `value` at `now`, this replica's clock reading in ms. The write is stamped
   * max(now, the current winner's timestamp + 1), so that a write always supersedes what its
   * replica has already seen, even when this replica's clock runs behind the one that wrote it.
   * @throws CrdtError INVALID_TIMESTAMP unless now is a finite number, 0 or more.
   */
  set(value: T, now: number): void {
    notImplemented(`LwwRegister.set(${JSON.stringify(value)}, ${now})`);
  }

  /** The winning value; undefined before any write. */
  get value(): T | undefined {
    return notImplemented("LwwRegister.value");
  }

  state(): LwwRegisterState<T> {
    return notImplemented("LwwRegister.state");
  }

  /** @throws CrdtError INVALID_STATE (a bad timestamp or replica id), having changed nothing. */
  merge(state: LwwRegisterState<T>): void {
    notImplemented("LwwRegister.merge");
  }
}
