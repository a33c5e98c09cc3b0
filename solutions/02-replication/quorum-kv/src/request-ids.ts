import type { StableStorage } from "#kata/sim";

const LAST_REQUEST_ID = "lastRequestId";

/**
 * A request id this node has never used, in this life or an earlier one: the counter is on stable
 * storage, so after a restart, replies still in flight to requests of the node's previous life
 * match nothing it is waiting for now.
 */
export function nextRequestId(storage: StableStorage): number {
  const id = (storage.get<number>(LAST_REQUEST_ID) ?? 0) + 1;
  storage.set(LAST_REQUEST_ID, id);
  return id;
}
