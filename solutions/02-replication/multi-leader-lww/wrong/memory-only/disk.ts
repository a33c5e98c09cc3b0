import type { NodeContext } from "#kata/sim";

type StableStorage = NodeContext<unknown>["storage"];
import type { Entry } from "../../src/multi-leader-lww";

/** Writes one entry to stable storage, before the write is acknowledged. */
export function saveEntry(storage: StableStorage, entry: Entry, isNew: boolean, keys: readonly string[]): void {
  if (isNew) storage.set("keys", [...keys, entry.key]);
  storage.set(`kv:${entry.key}`, entry);
}

/** Wrong: nothing is read back after a restart, as if the writes lived only in memory. */
export function loadEntries(storage: StableStorage): Entry[] {
  void storage;
  return [];
}
