import { CrdtError } from "./errors";
import { checkReplicaId } from "./replica-id";
import { invalidState, checkCounts } from "./state-checks";
import { compareVersions, mergeVersions, type VersionVector } from "./version-vector";

/** One value and the version that wrote it. */
export interface MvEntry<T> {
  value: T;
  version: VersionVector;
}

export interface MvRegisterState<T> {
  /** Values no other value here has seen: one, or several written concurrently. */
  entries: MvEntry<T>[];
}

/**
 * A multi-value register, as Dynamo and Riak keep a key: concurrent writes are all kept (siblings)
 * instead of one silently winning, and the application merges them (`resolve`). A write replaces
 * exactly the values its replica had seen.
 */
export class MvRegister<T> {
  readonly replica: string;
  private entries: MvEntry<T>[] = [];

  constructor(replica: string) {
    this.replica = checkReplicaId(replica);
  }

  /** Writes `value` over every value this replica holds now. */
  set(value: T): void {
    let seen: VersionVector = {};
    for (const entry of this.entries) seen = mergeVersions(seen, entry.version);
    const version = { ...seen, [this.replica]: (seen[this.replica] ?? 0) + 1 };
    this.entries = [{ value, version }];
  }

  /** The concurrent values, in no particular order; empty before the first write. */
  get values(): T[] {
    return this.entries.map((entry) => entry.value);
  }

  /**
   * Writes the application's merge of the current values, over all of them.
   * @throws CrdtError NOTHING_TO_RESOLVE on a register that holds no value yet.
   */
  resolve(merge: (values: readonly T[]) => T): void {
    if (this.entries.length === 0)
      throw new CrdtError("NOTHING_TO_RESOLVE", "resolve() on an empty register: set() or merge() a value first");
    this.set(merge(this.values));
  }

  state(): MvRegisterState<T> {
    return { entries: this.entries.map((entry) => ({ value: entry.value, version: { ...entry.version } })) };
  }

  /** @throws CrdtError INVALID_STATE, having changed nothing. */
  merge(state: MvRegisterState<T>): void {
    const incoming = checkEntries((state as Partial<MvRegisterState<T>> | null)?.entries);
    const all = [...this.entries, ...incoming.map((e) => ({ value: e.value, version: { ...e.version } }))];
    const kept: MvEntry<T>[] = [];
    for (const candidate of all) {
      const superseded = all.some((other) => compareVersions(candidate.version, other.version) === "before");
      const duplicate = kept.some((other) => compareVersions(candidate.version, other.version) === "equal");
      if (!superseded && !duplicate) kept.push(candidate);
    }
    this.entries = kept;
  }
}

function checkEntries<T>(entries: MvEntry<T>[] | undefined): MvEntry<T>[] {
  if (!Array.isArray(entries)) throw invalidState("MvRegister", `entries is ${JSON.stringify(entries)}, not an array`);
  for (const entry of entries) {
    if (typeof entry !== "object" || entry === null)
      throw invalidState("MvRegister", `an entry is ${JSON.stringify(entry)}`);
    checkCounts("MvRegister", "an entry's version", entry.version);
  }
  return entries;
}
