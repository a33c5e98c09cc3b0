import { CrdtError } from "./errors";
import { checkReplicaId, REPLICA_ID } from "./replica-id";
import { invalidState } from "./state-checks";

/** One write: its value, when it happened by its writer's clock, and who wrote it. */
export interface LwwEntry<T> {
  value: T;
  timestamp: number;
  replica: string;
}

export interface LwwRegisterState<T> {
  /** The winning write so far; null before the first. */
  entry: LwwEntry<T> | null;
}

/**
 * A last-writer-wins register: the write with the greatest (timestamp, replica) wins. The replica
 * id breaks ties, so every replica picks the same winner whatever order states arrive in.
 */
export class LwwRegister<T> {
  readonly replica: string;
  private entry: LwwEntry<T> | null = null;

  constructor(replica: string) {
    this.replica = checkReplicaId(replica);
  }

  /**
   * Writes `value` at `now` (this replica's clock, in ms). The write is stamped
   * max(now, the current timestamp + 1): a replica whose clock runs behind a write it has already
   * seen still supersedes that write, instead of losing its own.
   * @throws CrdtError INVALID_TIMESTAMP
   */
  set(value: T, now: number): void {
    if (!Number.isFinite(now) || now < 0)
      throw new CrdtError(
        "INVALID_TIMESTAMP",
        `set(value, ${String(now)}): now must be a clock reading in milliseconds, a finite number 0 or more (Date.now(), say)`,
      );
    const timestamp = this.entry === null ? now : Math.max(now, this.entry.timestamp + 1);
    this.entry = { value, timestamp, replica: this.replica };
  }

  get value(): T | undefined {
    return this.entry?.value;
  }

  state(): LwwRegisterState<T> {
    return { entry: this.entry === null ? null : { ...this.entry } };
  }

  /** @throws CrdtError INVALID_STATE, having changed nothing. */
  merge(state: LwwRegisterState<T>): void {
    const entry = checkEntry((state as Partial<LwwRegisterState<T>> | null)?.entry);
    if (entry !== null && (this.entry === null || wins(entry, this.entry))) this.entry = { ...entry };
  }
}

/** Whether write a beats write b: a later timestamp, or the same one from a greater replica id. */
function wins<T>(a: LwwEntry<T>, b: LwwEntry<T>): boolean {
  return a.timestamp > b.timestamp || (a.timestamp === b.timestamp && a.replica > b.replica);
}

function checkEntry<T>(entry: LwwEntry<T> | null | undefined): LwwEntry<T> | null {
  if (entry === null) return null;
  if (typeof entry !== "object") throw invalidState("LwwRegister", `entry is ${JSON.stringify(entry)}`);
  if (!Number.isFinite(entry.timestamp) || entry.timestamp < 0)
    throw invalidState("LwwRegister", `entry.timestamp is ${JSON.stringify(entry.timestamp)}`);
  if (typeof entry.replica !== "string" || !REPLICA_ID.test(entry.replica))
    throw invalidState("LwwRegister", `entry.replica is ${JSON.stringify(entry.replica)}`);
  return entry;
}
