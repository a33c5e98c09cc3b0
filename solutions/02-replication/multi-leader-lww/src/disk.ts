import type { NodeContext } from "#kata/sim";

type StableStorage = NodeContext<unknown>["storage"];
import type { Entry } from "./multi-leader-lww";

/** Writes one entry to stable storage, before the write is acknowledged. */
export function saveEntry(storage: StableStorage, entry: Entry, isNew: boolean, keys: readonly string[]): void {
  if (isNew) storage.set("keys", [...keys, entry.key]);
  storage.set(`kv:${entry.key}`, entry);
}

/** Every entry on stable storage, as after a restart. */
export function loadEntries(storage: StableStorage): Entry[] {
  const entries: Entry[] = [];
  for (const key of storage.get<string[]>("keys") ?? []) {
    const entry = storage.get<Entry>(`kv:${key}`);
    if (entry !== undefined) entries.push(entry);
  }
  return entries;
}
